# make                    the self-contained binary (Scripts/build-release.sh)
# make install            copy it to $(PREFIX)/bin (PREFIX=/usr/local by default)
# make install PREFIX=~/.local
# make uninstall
# make check              the clean-root and container checks (Linux, as root)
PREFIX ?= /usr/local
BINARY := .build/render-static/render

.PHONY: all install uninstall check

all: $(BINARY)

$(BINARY): Package.swift $(shell find Sources -type f)
	Scripts/build-release.sh $(BINARY)

install: $(BINARY)
	install -d "$(DESTDIR)$(PREFIX)/bin"
	install -m 0755 $(BINARY) "$(DESTDIR)$(PREFIX)/bin/render"

uninstall:
	rm -f "$(DESTDIR)$(PREFIX)/bin/render"

check: $(BINARY)
	Scripts/check-clean-root.sh $(BINARY)
	Scripts/check-container.sh
