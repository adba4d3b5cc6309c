package web

import (
	"crypto/rand"
	"encoding/hex"
	"sync"
	"time"
)

// file is one file kept in memory: an upload, or a rendered document.
type file struct {
	Name string
	Data []byte
}

// kept is what one id names: an uploaded meeting file, or the outputs
// of one render.
type kept struct {
	id string
	// meeting is the name of the meeting file the files come from.
	meeting string
	files   []file
	// stamp is the date the files carry, which a ZIP of them carries too
	// so that it is the same for the same meeting.
	stamp time.Time
	size  int
}

// store keeps uploads and rendered files in memory, at most max of them
// and maxBytes in all, dropping the oldest first.
type store struct {
	mu            sync.Mutex
	max, maxBytes int
	order         []*kept
	size          int
}

func newStore(max, maxBytes int) *store { return &store{max: max, maxBytes: maxBytes} }

// newID is a random identifier, unguessable as the token is.
func newID() string {
	var b [12]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// put keeps files and returns their id.
func (s *store) put(meeting string, files []file, stamp time.Time) string {
	k := &kept{id: newID(), meeting: meeting, files: files, stamp: stamp}
	for _, f := range files {
		k.size += len(f.Data)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.order = append(s.order, k)
	s.size += k.size
	for len(s.order) > 1 && (len(s.order) > s.max || s.size > s.maxBytes) {
		s.size -= s.order[0].size
		s.order[0] = nil
		s.order = s.order[1:]
	}
	return k.id
}

// get returns what id names, nil when it was never kept or was dropped.
func (s *store) get(id string) *kept {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, k := range s.order {
		if k.id == id {
			return k
		}
	}
	return nil
}

// bytes is the size of everything kept.
func (s *store) bytes() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.size
}
