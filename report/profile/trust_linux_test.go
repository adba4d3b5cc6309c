package profile

import (
	"path/filepath"
	"syscall"
	"testing"
)

// TestFindStaysOnItsFileSystem: a profile on the disk a folder is mounted
// on is not the profile of the meetings in that folder, though it is when
// the folder is an ordinary one.
func TestFindStaysOnItsFileSystem(t *testing.T) {
	root := t.TempDir()
	t.Setenv("HOME", filepath.Join(root, "home"))
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(root, "config"))
	t.Setenv(EnvVar, "")
	above := filepath.Join(root, FileName)
	writeFile(t, above, "")
	mnt := filepath.Join(root, "mnt")
	meetingFile := filepath.Join(mnt, "hop", "hop.yaml")
	writeFile(t, meetingFile, "")
	if got, err := Find(meetingFile); err != nil || got != above {
		t.Fatalf("in one file system: Find = %q, %v; want %s", got, err, above)
	}

	if err := syscall.Mount("tmpfs", mnt, "tmpfs", 0, ""); err != nil {
		t.Skipf("cannot mount a file system for the test: %v", err)
	}
	t.Cleanup(func() {
		if err := syscall.Unmount(mnt, 0); err != nil {
			t.Error(err)
		}
	})
	writeFile(t, meetingFile, "")
	if got, err := Find(meetingFile); err != nil || got != "" {
		t.Errorf("across a mount point: Find = %q, %v; want none", got, err)
	}
}
