#!/bin/sh
# Builds the project's container images from the app jars:
#   acai-cloud:<version>      cloud-app/target/cloud-app.jar      (CPU retraining)
#   acai-cloud-gpu:<version>  cloud-app/target/cloud-app-gpu.jar  (mvn -Pgpu; CUDA 12.4 PyTorch natives)
#   acai-edge:<version>       edge-app/target/edge-app.jar        (also the tc shaping container)
#
# usage: images/build.sh [--engine podman|docker] [--base IMAGE | --debian-base] [--tag TAG] [--push REGISTRY] [VARIANT...]
#   VARIANT   cloud, cloud-gpu or edge; default: cloud edge
#   --base    the Java 17 base image (default docker.io/library/eclipse-temurin:17-jre, pulled by the engine)
#   --debian-base  build the base locally from Debian packages (images/make-debian-base.sh) instead of pulling one
#   --tag     image tag (default: the project version from pom.xml)
#   --push    also tag each image as REGISTRY/acai-<variant>:<tag> and push it there (log in first:
#             podman login REGISTRY); run the launcher with --image-registry REGISTRY to use them
# Every jar is checked before anything is built.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
ENGINE=""
BASE="docker.io/library/eclipse-temurin:17-jre"
DEBIAN_BASE="acai-base:bookworm-jre17"
USE_DEBIAN_BASE=false
TAG=""
VARIANTS=""
PUSH=""

usage() { sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
while [ $# -gt 0 ]; do
    case "$1" in
        --engine) ENGINE=${2:?--engine needs a value}; shift 2 ;;
        --base) BASE=${2:?--base needs an image}; shift 2 ;;
        --debian-base) USE_DEBIAN_BASE=true; shift ;;
        --tag) TAG=${2:?--tag needs a value}; shift 2 ;;
        --push) PUSH=${2:?--push needs a registry, like registry.example.com:5000/team}; shift 2 ;;
        -h|--help) usage ;;
        -*) echo "build.sh: unknown option $1" >&2; usage ;;
        *) VARIANTS="$VARIANTS $1"; shift ;;
    esac
done
[ -n "$VARIANTS" ] || VARIANTS="cloud edge"
[ -n "$ENGINE" ] || ENGINE=$(command -v podman || command -v docker || true)
[ -n "$ENGINE" ] || { echo "build.sh: neither podman nor docker is installed" >&2; exit 1; }
[ -n "$TAG" ] || TAG=$(sed -n 's|^  <version>\(.*\)</version>|\1|p' "$ROOT/pom.xml" | head -1)

jar_of() {
    case "$1" in
        cloud) echo "cloud-app/target/cloud-app.jar" ;;
        cloud-gpu) echo "cloud-app/target/cloud-app-gpu.jar" ;;
        edge) echo "edge-app/target/edge-app.jar" ;;
        *) return 1 ;;
    esac
}
hint_of() {
    case "$1" in
        cloud-gpu) echo "mvn -B -Pgpu package -DskipTests -pl cloud-app -am" ;;
        *) echo "mvn -B package -DskipTests" ;;
    esac
}

# The registry as image references write it: host[:port][/path], no scheme, no trailing slash.
PUSH=$(printf '%s' "$PUSH" | sed 's|/*$||')
if [ -n "$PUSH" ] && ! printf '%s' "$PUSH" | grep -Eq '^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*(:[0-9]{1,5})?(/[a-z0-9]+([._-][a-z0-9]+)*)*$'; then
    echo "build.sh: --push '$PUSH' is not a registry (expected: a host with an optional port and repository path, like registry.example.com:5000/team; no scheme)" >&2
    exit 2
fi

# Check every variant and jar first: a typo or a missing jar stops the script before any build.
for variant in $VARIANTS; do
    jar=$(jar_of "$variant") || { echo "build.sh: unknown variant '$variant' (known: cloud, cloud-gpu, edge)" >&2; exit 2; }
    [ -f "$ROOT/$jar" ] || { echo "build.sh: $jar is missing for variant '$variant'; build it with: $(hint_of "$variant")" >&2; exit 1; }
done

if $USE_DEBIAN_BASE; then
    BASE="localhost/$DEBIAN_BASE"
    if ! "$ENGINE" image exists "$BASE" 2>/dev/null && ! "$ENGINE" image inspect "$BASE" >/dev/null 2>&1; then
        ENGINE="$ENGINE" "$ROOT/images/make-debian-base.sh" "$DEBIAN_BASE"
    fi
fi

# podman must not try a registry for a local base; docker pulls only what it lacks by default.
PULL=""
case "$ENGINE" in *podman) if $USE_DEBIAN_BASE; then PULL="--pull=never"; else PULL="--pull=missing"; fi ;; esac

CONTEXT=$(mktemp -d /tmp/acai-images.XXXXXX)
trap 'rm -rf "$CONTEXT"' EXIT
cp "$ROOT/images/Containerfile" "$CONTEXT/Containerfile"
for variant in $VARIANTS; do
    jar=$(jar_of "$variant")
    cp "$ROOT/$jar" "$CONTEXT/app.jar"
    image="acai-$variant:$TAG"
    # the edge compiles with C1 only, as the local runtime starts it (launcher MachineCommand.EDGE_JVM_OPTIONS)
    jvm_options=""
    if [ "$variant" = edge ]; then jvm_options="-XX:TieredStopAtLevel=1"; fi
    echo "build.sh: building $image from $jar on $BASE"
    "$ENGINE" build --quiet $PULL --network=host -f "$CONTEXT/Containerfile" \
        --build-arg BASE="$BASE" --build-arg APP_JAR=app.jar --build-arg APP_NAME="acai-$variant" \
        --build-arg JVM_OPTIONS="$jvm_options" \
        -t "$image" "$CONTEXT" >/dev/null
    size=$("$ENGINE" image inspect --format '{{.Size}}' "$image" | awk '{printf "%.0f MB", $1/1e6}')
    echo "build.sh: built $image ($size)"
    if [ -n "$PUSH" ]; then
        remote="$PUSH/$image"
        "$ENGINE" tag "$image" "$remote"
        echo "build.sh: pushing $remote"
        "$ENGINE" push "$remote" >/dev/null || { echo "build.sh: pushing $remote failed (logged in? $ENGINE login ${PUSH%%/*})" >&2; exit 1; }
        echo "build.sh: pushed $remote"
    fi
done
