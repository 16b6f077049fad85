#!/bin/sh
# Builds a local Java 17 base image from Debian packages (debootstrap + openjdk-17-jre-headless +
# iproute2), for machines that cannot pull from a container registry. Needs root and Debian's apt.
#   images/make-debian-base.sh [tag]        default tag: acai-base:bookworm-jre17
set -eu
TAG=${1:-acai-base:bookworm-jre17}
ENGINE=${ENGINE:-$(command -v podman || command -v docker || true)}
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
[ -n "$ENGINE" ] || { echo "make-debian-base: neither podman nor docker is installed" >&2; exit 1; }
command -v debootstrap >/dev/null || { echo "make-debian-base: debootstrap is not installed (apt-get install debootstrap)" >&2; exit 1; }
[ "$(id -u)" = 0 ] || { echo "make-debian-base: debootstrap needs root" >&2; exit 1; }

ROOTFS=$(mktemp -d /tmp/acai-base.XXXXXX)
trap 'rm -rf "$ROOTFS"' EXIT
echo "make-debian-base: debootstrap bookworm from $MIRROR into $ROOTFS"
debootstrap --variant=minbase --include=openjdk-17-jre-headless,iproute2,ca-certificates \
    bookworm "$ROOTFS" "$MIRROR" >"$ROOTFS.log" 2>&1 || { tail -20 "$ROOTFS.log" >&2; exit 1; }
rm -f "$ROOTFS.log"
# Documentation, manuals, locales and package caches are not needed at run time.
rm -rf "$ROOTFS"/usr/share/doc/* "$ROOTFS"/usr/share/man/* "$ROOTFS"/usr/share/info/* \
       "$ROOTFS"/usr/share/locale/* "$ROOTFS"/var/cache/apt/* "$ROOTFS"/var/lib/apt/lists/* "$ROOTFS"/var/log/*
tar -C "$ROOTFS" -c . | "$ENGINE" import --change 'CMD ["/bin/bash"]' - "$TAG" >/dev/null
echo "make-debian-base: built $TAG ($("$ENGINE" image inspect --format '{{.Size}}' "$TAG" | awk '{printf "%.0f MB", $1/1e6}'))"
