package source

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"path"
	"strings"
)

// zip scans the members of a .zip archive, in the order of its central
// directory. Directories are skipped; members that are themselves .zip
// archives are read into memory (bounded by MaxMessage and MaxBytes) and
// walked, up to MaxDepth levels. A bad member is reported and the next one
// scanned.
func (s *run) zip(loc *Location, r io.Reader, ra io.ReaderAt, size int64, depth int) error {
	if depth >= s.lim.MaxDepth {
		return &LimitError{Path: displayPath(loc), Limit: "max-depth", Value: int64(s.lim.MaxDepth)}
	}
	if ra == nil || size < 0 {
		// Not seekable (stdin, a member of another archive): hold it.
		data, err := io.ReadAll(io.LimitReader(r, s.lim.MaxMessage+1))
		if err != nil {
			return err
		}
		if int64(len(data)) > s.lim.MaxMessage {
			return &LimitError{Path: displayPath(loc), Limit: "max-message", Value: s.lim.MaxMessage}
		}
		ra, size = bytes.NewReader(data), int64(len(data))
	}
	zr, err := zip.NewReader(ra, size)
	if err != nil {
		return &Error{Path: displayPath(loc), Err: fmt.Errorf("reading zip: %w", err)}
	}
	media := 0
	defer func() {
		if media > 0 {
			s.skip(loc, fmt.Errorf("%d media file(s) not scanned", media))
		}
	}()
	for _, f := range zr.File {
		if strings.HasSuffix(f.Name, "/") || f.FileInfo().IsDir() {
			continue
		}
		ml := *loc
		if ml.Entry == "" {
			ml.Entry = f.Name
		} else {
			ml.Entry += "!" + f.Name
		}
		if err := s.countPart(&ml); err != nil {
			return err
		}
		if skipMember(f.Name) {
			media++
			continue
		}
		// The budget is for the whole input: once spent (a zip bomb), the
		// rest of the archive is not read.
		remaining := s.lim.MaxBytes - s.bytes
		if remaining <= 0 || f.UncompressedSize64 > uint64(remaining) {
			return &LimitError{Path: displayPath(&ml), Limit: "max-bytes", Value: s.lim.MaxBytes}
		}
		if err := s.unitErr(&ml, s.member(&ml, f, depth)); err != nil {
			return err
		}
	}
	return nil
}

func (s *run) member(loc *Location, f *zip.File, depth int) error {
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	return s.input(loc, f.Name, s.budget(loc, rc), nil, -1, Auto, depth+1)
}

// skipMember reports archive members that are media, not text: the photos,
// audio and video in a WhatsApp export.
func skipMember(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".jpg", ".jpeg", ".png", ".gif", ".webp", ".heic", ".mp4", ".mov", ".3gp", ".opus", ".ogg", ".m4a",
		".mp3", ".aac", ".wav", ".avi", ".mkv", ".vcf.jpg", ".webm", ".amr":
		return true
	}
	return false
}
