#!/usr/bin/env bash
# Starts the real poise binary under Xvfb with a fresh data directory and an
# unusual locale, waits for its window, saves a screenshot, closes it, and
# fails if no window appears, the process exits with an error, or start-up
# printed an error.
set -euo pipefail

bin=${1:?usage: smoke.sh path/to/poise [screenshot.png]}
shot=${2:-smoke.png}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# With no display to open, the app says so in a sentence and exits 1: no
# Go stack trace for a person who started it over SSH.
status=0
env -u WAYLAND_DISPLAY DISPLAY=:1999 XDG_CONFIG_HOME="$work/config" timeout 60 "$bin" --data-dir "$work/nodisplay" >"$work/nodisplay.log" 2>&1 || status=$?
if [ "$status" -ne 1 ] || grep -qE '^goroutine |^panic:' "$work/nodisplay.log" || ! grep -q 'could not open the Poise window' "$work/nodisplay.log"; then
  echo "smoke: with no display, poise exited with status $status and printed:" >&2
  cat "$work/nodisplay.log" >&2
  exit 1
fi

# A display no other X server holds: a server killed by the last run may
# not have removed its lock yet, and a new one on that number fails.
for _ in $(seq 1 50); do
  n=$((90 + RANDOM % 100))
  [ -e "/tmp/.X$n-lock" ] || break
done
display=":$n"

Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb=$!
cleanup() { kill "$xvfb" 2>/dev/null || true; kill "${app:-}" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
# Wait for the server to answer, not a fixed second: under load it once
# took longer, and the app found no display.
for _ in $(seq 1 100); do
  DISPLAY=$display xdotool getdisplaygeometry >/dev/null 2>&1 && break
  kill -0 "$xvfb" 2>/dev/null || { echo "smoke: Xvfb on $display did not start:" >&2; cat "$work/xvfb.log" >&2; exit 1; }
  sleep 0.2
done

# A config folder of its own: a Fyne preferences file left behind by
# another run must not change what this one sees.
DISPLAY=$display XDG_CONFIG_HOME="$work/config" LANG=C.UTF-8 LC_ALL=C.UTF-8 timeout 120 "$bin" --data-dir "$work/data" >"$work/out.log" 2>&1 &
app=$!

win=""
for _ in $(seq 1 60); do
  win=$(DISPLAY=$display xdotool search --name '^Poise$' 2>/dev/null | head -n 1 || true)
  [ -n "$win" ] && break
  kill -0 "$app" 2>/dev/null || break
  sleep 1
done
if [ -z "$win" ]; then
  echo "smoke: no Poise window appeared within 60 s. Output:" >&2
  cat "$work/out.log" >&2
  exit 1
fi
sleep 3 # let the first frame render
# The window must fit the 1280x800 screen it opened on.
eval "$(DISPLAY=$display xdotool getwindowgeometry --shell "$win")"
if [ "$WIDTH" -gt 1280 ] || [ "$HEIGHT" -gt 800 ]; then
  echo "smoke: the window opened at ${WIDTH}x${HEIGHT}, larger than the 1280x800 screen" >&2
  exit 1
fi
DISPLAY=$display import -window root "$shot"

kill -TERM "$app"
status=0
wait "$app" || status=$?
app=""
if [ "$status" -ne 0 ]; then
  echo "smoke: poise exited with status $status. Output:" >&2
  cat "$work/out.log" >&2
  exit 1
fi
# Fyne 2.7.1 may log "Preferences load error: EOF" as it quits: its save
# truncates preferences.json (storageWriter) before it marks the save as its
# own (savedRecently), so its file watcher can read the empty file back
# (fyne.io/fyne/v2 app/preferences.go, save and load). Poise keeps nothing in
# Fyne's preferences; that line and the two Fyne writes after it are not
# Poise's, and any other error still fails.
if grep -vE 'Fyne error:  Preferences load error:|^[0-9/]+ [0-9:]+   (Cause: EOF|At: .*/fyne/v2@[^/]+/app/preferences\.go:[0-9]+)$' "$work/out.log" |
  grep -iE 'error|panic|fatal' >/dev/null; then
  echo "smoke: start-up printed errors:" >&2
  cat "$work/out.log" >&2
  exit 1
fi
echo "smoke: window appeared, screenshot in $shot, clean exit"
