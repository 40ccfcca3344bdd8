# make              build absorb in release mode
# make install      install it (PREFIX: /usr/local as root, else ~/.local; DESTDIR to stage)
# make uninstall    remove it
# make man          regenerate man/absorb.1 from the help text
PREFIX ?= $(if $(filter 0,$(shell id -u)),/usr/local,$(HOME)/.local)
DESTDIR ?=

.PHONY: all build install uninstall man

all: build

build:
	swift build -c release --static-swift-stdlib --product absorb

install:
	scripts/install.sh --prefix "$(PREFIX)" --destdir "$(DESTDIR)"

uninstall:
	scripts/install.sh --uninstall --prefix "$(PREFIX)" --destdir "$(DESTDIR)"

man:
	scripts/generate-man-page.sh
