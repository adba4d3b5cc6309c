//go:build !windows

package main

// ownConsole reports whether hoinghi runs in a console window of its own,
// which only Windows opens for it.
func ownConsole() bool { return false }

// utf8Console does nothing: terminals outside Windows take UTF-8.
func utf8Console() (restore func()) { return func() {} }
