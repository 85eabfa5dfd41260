#!/usr/bin/env bash
# Runs every test: installs missing prerequisites, builds, builds and checks the container images
# (deploy/images.sh; BREAKOUTBOT_TEST_IMAGES=0 skips that step and counts it skipped), runs all test projects (the
# integration tests start the whole application in Local mode), then prints one summary line:
# "Summary: N passed, N failed, N skipped". Extra arguments go to dotnet test, e.g. ./test.sh --filter "FullyQualifiedName~Api"
set -uo pipefail
cd "$(dirname "$0")"
bash scripts/prerequisites.sh --tests || exit 1

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# Build everything first: a project that does not compile fails the run here, by name, instead of being left out.
if ! dotnet build BreakoutBot.sln -nologo -clp:ErrorsOnly; then
  echo "Summary: 0 passed, 1 failed, 0 skipped (the solution does not build)"
  exit 1
fi

# The services' container images, built by the SDK on bases made from Debian packages, then checked (one test).
images_passed=0 images_failed=0 images_skipped=0
if [ "${BREAKOUTBOT_TEST_IMAGES:-1}" = "0" ]; then
  images_skipped=1
  echo "Container images: skipped (BREAKOUTBOT_TEST_IMAGES=0)"
elif bash deploy/images.sh build && bash deploy/images.sh verify; then
  images_passed=1
else
  images_failed=1
  echo "  Failed container images (deploy/images.sh build/verify; its output is above)"
fi
bash deploy/images.sh stop || true

dotnet test BreakoutBot.sln --no-build "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# dotnet test prints one result line per test assembly; add them up.
read -r passed failed skipped < <(grep -E '^(Passed|Failed)! +- ' "$log" | awk -F'[:,]' '
  { for (i = 1; i < NF; i++) { n = split($i, words, /[^A-Za-z]+/); key = words[n]; value = $(i + 1) + 0;
      if (key == "Passed") p += value; else if (key == "Failed") f += value; else if (key == "Skipped") s += value } }
  END { printf "%d %d %d\n", p, f, s }')
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
passed=$((passed + images_passed)) failed=$((failed + images_failed)) skipped=$((skipped + images_skipped))
if [ "$images_failed" -ne 0 ] && [ "$status" -eq 0 ]; then status=1; fi
# The failed tests again, by name with their first message line, where a log tail still shows them.
grep -E '^\s+Failed [A-Za-z]' -A2 "$log" | grep -vE '^\s+Stack Trace' | cut -c1-400 || true
echo "Summary: $passed passed, $failed failed, $skipped skipped"
exit "$status"
