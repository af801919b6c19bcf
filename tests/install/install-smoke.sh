#!/usr/bin/env bash
# Installs the build into a temporary prefix, then runs each installed program from there: `--version` of all
# three, and triptych-server until it answers /healthz. Usage: install-smoke.sh BUILD_DIR VERSION
set -euo pipefail
build=$1 version=$2
prefix=$(mktemp -d)
server_pid=
cleanup() {
    [[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
    rm -rf "$prefix"
}
trap cleanup EXIT

cmake --install "$build" --prefix "$prefix" >/dev/null
for program in triptych triptych-cli triptych-server; do
    binary="$prefix/bin/$program"
    [[ -x $binary ]] || { echo "not installed: bin/$program"; exit 1; }
    printed=$(QT_QPA_PLATFORM=offscreen "$binary" --version)
    [[ $printed == *"$version"* ]] || { echo "$program --version printed '$printed', not $version"; exit 1; }
    echo "$printed"
done
for file in share/applications/io.github.triptych.Triptych.desktop share/metainfo/io.github.triptych.Triptych.metainfo.xml \
    share/icons/hicolor/scalable/apps/io.github.triptych.Triptych.svg share/icons/hicolor/48x48/apps/io.github.triptych.Triptych.png \
    share/man/man1/triptych.1.gz share/man/man1/triptych-cli.1.gz share/man/man1/triptych-server.1.gz \
    share/bash-completion/completions/triptych-cli; do
    [[ -f $prefix/$file ]] || { echo "not installed: $file"; exit 1; }
done

ready=$(mktemp -p "$prefix")
"$prefix/bin/triptych-server" --http-port 0 --grpc-port 0 >"$ready" &
server_pid=$!
for _ in $(seq 100); do
    grep -q ready "$ready" && break
    kill -0 "$server_pid" || { echo "the installed triptych-server exited"; exit 1; }
    sleep 0.1
done
http=$(sed -n 's/.*http=\([^ ]*\).*/\1/p' "$ready")
[[ -n $http ]] || { echo "the installed triptych-server never said it was ready"; exit 1; }
answer=$(curl -sf "http://$http/healthz")
[[ $answer == '{"status":"ok"}' ]] || { echo "healthz answered '$answer'"; exit 1; }
echo "installed triptych-server answered on $http: $answer"
