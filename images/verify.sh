#!/bin/sh
# Builds the CPU cloud and edge images with podman from a local Debian base (no registry needed),
# starts one cloud and one edge container on a podman network, and waits until the edge has
# completed one model update with the cloud across the two containers.
#   images/verify.sh [timeout seconds, default 420]
# Needs root, podman with runc, debootstrap (first run only) and the jars (mvn -B package -DskipTests).
# Prints the edge's update row and the image sizes; exit 0 when an update completed.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
TIMEOUT=${1:-420}
command -v podman >/dev/null || { echo "verify.sh: podman is not installed (apt-get install podman runc)" >&2; exit 1; }
[ "$(id -u)" = 0 ] || { echo "verify.sh: needs root (podman networks and the Debian base)" >&2; exit 1; }

"$ROOT/images/build.sh" --engine podman --debian-base cloud edge
TAG=$(sed -n 's|^  <version>\(.*\)</version>|\1|p' "$ROOT/pom.xml" | head -1)

RUN=acai-verify-$$
WORK=$(mktemp -d /tmp/$RUN.XXXXXX)
mkdir -p "$WORK/cloud" "$WORK/edge"
chown -R 10001:10001 "$WORK"
cleanup() {
    podman rm -f -t 2 "$RUN-edge" "$RUN-cloud" >/dev/null 2>&1 || true
    podman network rm -f "$RUN" >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap cleanup EXIT
# runc refuses podman's default rlimits above this sandbox's hard limits: pass the host's own.
LIMITS="--ulimit nofile=$(ulimit -Hn):$(ulimit -Hn) --ulimit nproc=4096:4096"

podman network create "$RUN" >/dev/null
# shellcheck disable=SC2086
podman run -d --name "$RUN-cloud" --network "$RUN" $LIMITS -v "$WORK/cloud:/acai/work" \
    "acai-cloud:$TAG" 7000 cloud.log cloud.csv --epochs 2 --batch 4 --threads 2 >/dev/null
CLOUD_IP=$(podman inspect -f "{{(index .NetworkSettings.Networks \"$RUN\").IPAddress}}" "$RUN-cloud")
echo "verify.sh: cloud container up at $CLOUD_IP:7000"
# The edge addresses the cloud by IP: Debian's podman has no DNS plugin on CNI networks.
# shellcheck disable=SC2086
podman run -d --name "$RUN-edge" --network "$RUN" $LIMITS -v "$WORK/edge:/acai/work" \
    "acai-edge:$TAG" "$CLOUD_IP" 7000 edge_inf.log edge_update.log edge_inf.csv edge_update.csv 5 edge-1 \
    --upload-threshold 4 --drift-after 0s --duration "${TIMEOUT}s" >/dev/null
echo "verify.sh: edge container up; waiting up to ${TIMEOUT}s for one model update"

deadline=$(( $(date +%s) + TIMEOUT ))
while [ "$(date +%s)" -lt "$deadline" ]; do
    if [ -f "$WORK/edge/edge_update.csv" ] && [ "$(wc -l < "$WORK/edge/edge_update.csv")" -ge 2 ]; then
        echo "verify.sh: the edge completed a model update across the containers:"
        cat "$WORK/edge/edge_update.csv"
        tail -3 "$WORK/cloud/cloud.csv" 2>/dev/null || true
        podman images --format '{{.Repository}}:{{.Tag}} {{.Size}}' | grep -E "acai-(cloud|edge|base)"
        exit 0
    fi
    for name in cloud edge; do
        if [ "$(podman inspect -f '{{.State.Running}}' "$RUN-$name")" != true ]; then
            echo "verify.sh: the $name container stopped early; its output:" >&2
            podman logs --tail 30 "$RUN-$name" >&2
            exit 1
        fi
    done
    sleep 5
done
echo "verify.sh: no model update within ${TIMEOUT}s; last lines of both containers:" >&2
podman logs --tail 20 "$RUN-cloud" >&2
podman logs --tail 20 "$RUN-edge" >&2
tail -5 "$WORK/edge/edge_update.log" "$WORK/cloud/cloud.log" >&2 2>/dev/null || true
exit 1
