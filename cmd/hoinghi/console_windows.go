package main

import (
	"unsafe"

	"golang.org/x/sys/windows"
)

// cpUTF8 is the code page of UTF-8.
const cpUTF8 = 65001

var getConsoleProcessList = windows.NewLazySystemDLL("kernel32.dll").NewProc("GetConsoleProcessList")

// ownConsole reports whether the console hoinghi runs in is its own
// alone, as when Explorer started it and will close the window when it
// exits; a console shared with cmd.exe or PowerShell lists them too.
func ownConsole() bool {
	var pids [2]uint32
	n, _, _ := getConsoleProcessList.Call(uintptr(unsafe.Pointer(&pids[0])), uintptr(len(pids)))
	return n == 1
}

// utf8Console makes the console show what hoinghi prints as UTF-8, for
// Vietnamese to print right, and returns what puts its code page back.
func utf8Console() (restore func()) {
	cp, err := windows.GetConsoleOutputCP()
	if err != nil || windows.SetConsoleOutputCP(cpUTF8) != nil {
		return func() {}
	}
	return func() { windows.SetConsoleOutputCP(cp) }
}
