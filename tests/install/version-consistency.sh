#!/usr/bin/env bash
# The files that carry the version by hand say project(VERSION): the man pages' headers, the newest AppStream release
# and the Debian changelog's newest entry. Usage: version-consistency.sh SOURCE_DIR VERSION
set -euo pipefail
source=$1 version=$2
status=0
check() { # what, found
    if [[ $2 != "$version" ]]; then
        echo "$1 says '$2', project(VERSION) is $version"
        status=1
    fi
}
for page in "$source"/resources/man/*.1; do
    check "${page#"$source"/}" "$(sed -n 's/^\.TH [^"]*"Triptych \([^"]*\)".*/\1/p' "$page")"
done
check "the newest release in the metainfo" \
    "$(grep -m1 -o '<release version="[^"]*"' "$source/resources/io.github.triptych.Triptych.metainfo.xml" | cut -d'"' -f2)"
check "resources/debian/changelog" "$(sed -n '1s/^triptych (\([^)]*\)).*/\1/p' "$source/resources/debian/changelog")"
exit $status
