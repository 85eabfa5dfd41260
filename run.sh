#!/usr/bin/env bash
# Runs BreakoutBot: installs missing prerequisites, then starts the AppHost (dashboard URL in the output).
# Extra arguments go to the AppHost, e.g. ./run.sh --Infrastructure:Mode=Containers
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/prerequisites.sh
exec dotnet run --project BreakoutBot.AppHost -- "$@"
