#!/usr/bin/env bash
# Builds BreakoutBot's container images with the .NET SDK's own container support, on base images made here from
# Debian packages, into a registry on this machine — no container registry on the internet is needed.
#
#   deploy/images.sh build     install what is missing (apt), start the local registry, build the bases (cached),
#                              every service image (api, web, scanner, executor, backtester, exchange-sim, db-migrator)
#                              and PostgreSQL and Redis images from Debian's packages (breakoutbot/postgres:15, redis:7)
#   deploy/images.sh verify    check the built images: non-root numeric user, labels and tags, that the exchange-sim
#                              image serves /health as that user under podman, and that postgres and redis answer as
#                              user 999; exits 1 naming what failed
#   deploy/images.sh stop      stop the local registry this script started (its storage is kept)
#
# Settings (environment): BREAKOUTBOT_REGISTRY (default localhost:5000; one this script starts when it is a
# localhost port and nothing answers there), BREAKOUTBOT_IMAGES_STATE (default /var/tmp/breakoutbot-images: the base
# cache and the registry's storage). With internet access, build on Microsoft's bases instead:
#   dotnet publish BreakoutBot.Api -t:PublishContainer -p:ContainerRegistry=<your registry>
set -euo pipefail
cd "$(dirname "$0")/.."

registry=${BREAKOUTBOT_REGISTRY:-localhost:5000}
state=${BREAKOUTBOT_IMAGES_STATE:-/var/tmp/breakoutbot-images}
services=(Api:api Web:web Scanner:scanner Executor:executor Backtester:backtester Simulator:exchange-sim Migrator:db-migrator)
runtime_deps="$registry/breakoutbot-base/runtime-deps:bookworm"
aspnet="$registry/breakoutbot-base/aspnet:10.0"
postgres_image="$registry/breakoutbot/postgres:15"
redis_image="$registry/breakoutbot/redis:7"
version=$(sed -n 's#.*<Version>\(.*\)</Version>.*#\1#p' Directory.Build.props)
revision=$(git rev-parse --short=12 HEAD 2>/dev/null || echo "")

say() { echo "images: $*"; }
fail() { echo "images: FAILED: $*" >&2; exit 1; }

install_tools() {
  local missing=()
  for tool in podman buildah skopeo mmdebstrap docker-registry runc; do
    command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]} (apt)"
    [ "$(id -u)" -eq 0 ] || fail "installing packages needs root: apt-get install ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq podman buildah skopeo mmdebstrap docker-registry runc uidmap >/dev/null
  fi

  # crun refuses the hybrid cgroups of these machines; the open-files limit of a container must fit the host's.
  mkdir -p /etc/containers/registries.conf.d
  if ! grep -qs 'runtime = "runc"' /etc/containers/containers.conf; then
    cat >>/etc/containers/containers.conf <<'EOF'

[containers]
default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]

[engine]
runtime = "runc"
EOF
  fi
  local host=${registry%%/*}
  case "$host" in
    localhost:*|127.0.0.1:*)
      printf '[[registry]]\nlocation = "%s"\ninsecure = true\n' "$host" >/etc/containers/registries.conf.d/50-breakoutbot-local.conf ;;
  esac
}

start_registry() {
  local host=${registry%%/*}
  curl -fsS "http://$host/v2/" >/dev/null 2>&1 && return 0
  case "$host" in
    localhost:*|127.0.0.1:*) ;;
    *) fail "the registry $host does not answer, and only a localhost one is started here" ;;
  esac
  mkdir -p "$state/registry"
  cat >"$state/registry.yml" <<EOF
version: 0.1
storage:
  filesystem:
    rootdirectory: $state/registry
http:
  addr: 127.0.0.1:${host##*:}
EOF
  say "starting a registry on $host (storage $state/registry)"
  nohup docker-registry serve "$state/registry.yml" >"$state/registry.log" 2>&1 &
  echo $! >"$state/registry.pid"
  for _ in $(seq 1 50); do
    curl -fsS "http://$host/v2/" >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  fail "the registry did not start: $(tail -n 5 "$state/registry.log")"
}

# runtime-deps: Debian bookworm (minbase) with what .NET needs and the non-root user app (1654); aspnet: that plus
# the .NET and ASP.NET Core runtimes of this machine's SDK, the same files Microsoft's aspnet image holds.
build_bases() {
  local rootfs="$state/rootfs" runtime
  runtime=$(dotnet --list-runtimes | sed -n 's#^Microsoft.AspNetCore.App \([0-9.]*\) .*#\1#p' | tail -n 1)
  [ -n "$runtime" ] || fail "no ASP.NET Core runtime found (dotnet --list-runtimes)"
  if [ ! -f "$state/rootfs.done" ]; then
    say "building the Debian base with mmdebstrap (once; cached in $state)"
    rm -rf "$rootfs"
    mmdebstrap --quiet --variant=minbase --include=ca-certificates,libicu72,libssl3,tzdata,zlib1g \
      --customize-hook='chroot "$1" groupadd --gid 1654 app' \
      --customize-hook='chroot "$1" useradd --uid 1654 --gid 1654 --no-create-home --home-dir /app --shell /usr/sbin/nologin app' \
      bookworm "$rootfs"
    touch "$state/rootfs.done"
  fi
  if ! skopeo inspect --tls-verify=false "docker://$runtime_deps" >/dev/null 2>&1; then
    say "importing $runtime_deps"
    tar -C "$rootfs" --exclude=./usr/share/dotnet --exclude=./usr/bin/dotnet -c . \
      | podman import --change 'ENV APP_UID=1654' --change 'ENV LANG=C.UTF-8' - "$runtime_deps" >/dev/null
    podman push --quiet --tls-verify=false "$runtime_deps" >/dev/null
  fi
  if ! grep -q "ASPNET_VERSION=$runtime" <<<"$(skopeo inspect --tls-verify=false "docker://$aspnet" 2>/dev/null || true)"; then
    say "importing $aspnet (runtime $runtime)"
    local dotnet_root
    dotnet_root=$(dirname "$(readlink -f "$(command -v dotnet)")")
    rm -rf "$rootfs/usr/share/dotnet"
    mkdir -p "$rootfs/usr/share/dotnet/host/fxr" "$rootfs/usr/share/dotnet/shared/Microsoft.NETCore.App" "$rootfs/usr/share/dotnet/shared/Microsoft.AspNetCore.App"
    cp -a "$dotnet_root/dotnet" "$rootfs/usr/share/dotnet/"
    cp -a "$dotnet_root/host/fxr/$(ls "$dotnet_root/host/fxr" | sort -V | tail -n 1)" "$rootfs/usr/share/dotnet/host/fxr/"
    cp -a "$dotnet_root/shared/Microsoft.NETCore.App/$runtime" "$rootfs/usr/share/dotnet/shared/Microsoft.NETCore.App/"
    cp -a "$dotnet_root/shared/Microsoft.AspNetCore.App/$runtime" "$rootfs/usr/share/dotnet/shared/Microsoft.AspNetCore.App/"
    ln -sf /usr/share/dotnet/dotnet "$rootfs/usr/bin/dotnet"
    tar -C "$rootfs" -c . | podman import --change 'ENV APP_UID=1654' --change 'ENV LANG=C.UTF-8' \
      --change "ENV DOTNET_VERSION=$runtime" --change "ENV ASPNET_VERSION=$runtime" --change 'ENV DOTNET_RUNNING_IN_CONTAINER=true' \
      --change 'ENV ASPNETCORE_HTTP_PORTS=8080' - "$aspnet" >/dev/null
    podman push --quiet --tls-verify=false "$aspnet" >/dev/null
  fi
}

# postgres and redis: the same Debian base with the database's own package, run as its own non-root user (999, as in
# the Docker Official Images, so the same securityContext and volume ownership fit), configured by the same variables.
build_data_images() {
  build_debian_image postgres "postgresql-15" "$postgres_image" \
    --customize-hook='chroot "$1" sh -c "groupmod -g 999 postgres && usermod -u 999 -g 999 postgres"' \
    --customize-hook='chroot "$1" sh -c "rm -rf /var/lib/postgresql/15 /etc/postgresql/15 && mkdir -p /var/lib/postgresql/data /var/run/postgresql && chown -R 999:999 /var/lib/postgresql /var/run/postgresql && chmod 700 /var/lib/postgresql/data"' \
    --customize-hook="copy-in deploy/data-images/postgres-entrypoint.sh /usr/local/bin" \
    -- --change 'USER 999' --change 'ENV PGDATA=/var/lib/postgresql/data' --change 'ENV LANG=C.UTF-8' \
    --change 'ENTRYPOINT ["/bin/sh", "/usr/local/bin/postgres-entrypoint.sh"]' --change 'EXPOSE 5432'
  build_debian_image redis "redis-server" "$redis_image" \
    --customize-hook='chroot "$1" sh -c "groupmod -g 999 redis && usermod -u 999 -g 999 redis && mkdir -p /data && chown 999:999 /data"' \
    -- --change 'USER 999' --change 'WORKDIR /data' --change 'CMD ["redis-server", "--protected-mode", "no"]' --change 'EXPOSE 6379'
}

# build_debian_image NAME PACKAGES IMAGE [mmdebstrap options...] -- [podman import --change options...]: a minbase
# bookworm with PACKAGES (cached in $state/NAME.tar until this script changes), imported and pushed as IMAGE.
build_debian_image() {
  local name=$1 packages=$2 image=$3 archive stamp
  archive="$state/$name.tar"
  shift 3
  local hooks=() changes=()
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do hooks+=("$1"); shift; done
  [ $# -gt 0 ] && shift
  changes=("$@")
  stamp=$(sha256sum deploy/images.sh deploy/data-images/* | sha256sum | cut -c1-16)
  if [ ! -f "$archive" ] || [ "$(cat "$archive.stamp" 2>/dev/null)" != "$stamp" ]; then
    say "building the $name image's Debian root with mmdebstrap ($packages; cached in $state)"
    rm -f "$archive"
    mmdebstrap --quiet --variant=minbase --include="ca-certificates,tzdata,$packages" \
      --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-exclude=/usr/share/man/*' \
      --dpkgopt='path-exclude=/usr/share/locale/*' --dpkgopt='path-exclude=/usr/share/info/*' \
      --customize-hook='rm -rf "$1"/var/lib/apt/lists/* "$1"/var/cache/apt/*' "${hooks[@]}" bookworm "$archive" \
      || fail "mmdebstrap of the $name image"
    echo "$stamp" >"$archive.stamp"
  fi
  say "importing $image"
  podman import --quiet "${changes[@]}" --change "LABEL org.opencontainers.image.title=breakoutbot-$name" \
    --change "LABEL org.opencontainers.image.version=$version" "$archive" "$image" >/dev/null || fail "podman import $image"
  podman push --quiet --tls-verify=false "$image" >/dev/null || fail "podman push $image"
}

build_services() {
  local source_url
  source_url=$(git remote get-url origin 2>/dev/null || true)
  case "$source_url" in http*) ;; *) source_url="" ;; esac
  for entry in "${services[@]}"; do
    local project=${entry%%:*} name=${entry##*:}
    say "building breakoutbot/$name ($version${revision:+, $version-$revision})"
    dotnet publish "BreakoutBot.$project" -c Release -nologo -v:quiet -clp:ErrorsOnly -t:PublishContainer \
      -p:ContainerBaseImage="$aspnet" -p:ContainerRegistry="$registry" \
      ${revision:+-p:SourceRevisionId=$revision} ${source_url:+-p:RepositoryUrl=$source_url} >/dev/null \
      || fail "dotnet publish BreakoutBot.$project -t:PublishContainer"
  done
}

verify() {
  local problems=() tag=${revision:+$version-$revision}
  tag=${tag:-$version}
  for entry in "${services[@]}"; do
    local name=${entry##*:} config
    local image="$registry/breakoutbot/$name:$tag"
    if ! config=$(skopeo inspect --tls-verify=false --config "docker://$image" 2>&1); then
      problems+=("$image is not in the registry: $config")
      continue
    fi
    # grep reads a here-string, not a pipe: with pipefail, grep -q leaving early would fail the echo (SIGPIPE) and so the check.
    grep -q '"User": "1654"' <<<"$config" || problems+=("$image does not run as user 1654")
    grep -q "\"org.opencontainers.image.version\": \"$version\"" <<<"$config" || problems+=("$image has no version label $version")
    [ -z "$revision" ] || grep -q "\"org.opencontainers.image.revision\": \"$revision\"" <<<"$config" || problems+=("$image has no revision label $revision")
    grep -q 'ASPNETCORE_HTTP_PORTS=8080' <<<"$config" || problems+=("$image does not set ASPNETCORE_HTTP_PORTS=8080")
  done

  # The simulator needs nothing else: it must start, serve its health endpoint and run as the app user.
  local sim="$registry/breakoutbot/exchange-sim:$tag" container port
  podman pull --quiet --tls-verify=false "$sim" >/dev/null 2>&1 || true
  container=$(podman run -d --rm -p 127.0.0.1::8080 "$sim" 2>&1) || { problems+=("podman run $sim: $container"); container=""; }
  if [ -n "$container" ]; then
    port=$(podman port "$container" 8080 | sed 's#.*:##')
    local healthy=false
    for _ in $(seq 1 60); do
      if curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1; then healthy=true; break; fi
      sleep 0.5
    done
    $healthy || problems+=("$sim did not answer /health within 30 s: $(podman logs "$container" 2>&1 | tail -n 5)")
    local user
    user=$(podman top "$container" user 2>/dev/null | tail -n +2 | sort -u | tr '\n' ' ')
    [ "$user" = "1654 " ] || [ "$user" = "app " ] || problems+=("$sim runs as '$user', not the app user 1654")
    podman rm -f "$container" >/dev/null 2>&1 || true
  fi

  verify_data_image "$postgres_image" postgres "PGPASSWORD=verify-secret psql -h 127.0.0.1 -U postgres -d breakoutdb -tAc 'SELECT 40 + 2'" 42 \
    -e POSTGRES_PASSWORD=verify-secret -e POSTGRES_DB=breakoutdb
  verify_data_image "$redis_image" redis "redis-cli ping" PONG

  if [ ${#problems[@]} -gt 0 ]; then
    printf 'images: FAILED: %s\n' "${problems[@]}" >&2
    exit 1
  fi
  say "verified ${#services[@]} images ($tag): user 1654, labels, ports; exchange-sim serves /health as the app user; postgres and redis answer as user 999"
}

# verify_data_image IMAGE USERNAME PROBE EXPECTED [podman run options...]: the image starts as its non-root user 999 and
# PROBE, run inside it, prints EXPECTED within 30 s (PostgreSQL: a query over TCP with the password; Redis: a ping).
verify_data_image() {
  local image=$1 username=$2 probe=$3 expected=$4 container answer="" user
  shift 4
  podman pull --quiet --tls-verify=false "$image" >/dev/null 2>&1 || true
  if ! container=$(podman run -d --rm "$@" "$image" 2>&1); then
    problems+=("podman run $image: $container")
    return
  fi
  for _ in $(seq 1 60); do
    answer=$(podman exec "$container" sh -c "$probe" 2>/dev/null | tr -d '[:space:]') || true
    [ "$answer" = "$expected" ] && break
    sleep 0.5
  done
  [ "$answer" = "$expected" ] || problems+=("$image did not answer '$probe' with $expected within 30 s (got '$answer'): $(podman logs "$container" 2>&1 | tail -n 5)")
  user=$(podman top "$container" user 2>/dev/null | tail -n +2 | sort -u | tr '\n' ' ')
  [ "$user" = "999 " ] || [ "$user" = "$username " ] || problems+=("$image runs as '$user', not its user $username (999)")
  podman rm -f "$container" >/dev/null 2>&1 || true
}

case "${1:-}" in
  build) mkdir -p "$state"; install_tools; start_registry; build_bases; build_data_images; build_services ;;
  verify) verify ;;
  stop)
    if [ -f "$state/registry.pid" ]; then kill "$(cat "$state/registry.pid")" 2>/dev/null || true; rm -f "$state/registry.pid"; fi ;;
  *) echo "usage: deploy/images.sh build|verify|stop" >&2; exit 2 ;;
esac
