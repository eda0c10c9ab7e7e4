#!/usr/bin/env bash
# Starts a PulseAudio daemon with a null sink whose monitor is the default source: the
# "microphone" of the tests. paplay into the sink is then heard by anything recording.
# Idempotent: running it again reuses the daemon and the sink.
set -eu
SINK=mockint_test_sink
if ! pactl info >/dev/null 2>&1; then
  args=(--daemonize=yes --exit-idle-time=-1 --log-target=stderr --log-level=error)
  # As root (CI) PulseAudio refuses per-user mode unless told it is a system-wide setup.
  [ "$(id -u)" -eq 0 ] && args+=(--system=false --disallow-exit)
  pulseaudio "${args[@]}" 2>/dev/null || pulseaudio "${args[@]}"
  for _ in $(seq 50); do pactl info >/dev/null 2>&1 && break; sleep 0.1; done
fi
if ! pactl list short sinks | grep -q "$SINK"; then
  pactl load-module module-null-sink sink_name="$SINK" rate=16000 channels=1 \
    sink_properties=device.description=mockint-test-sink >/dev/null
fi
pactl set-default-sink "$SINK"
pactl set-default-source "$SINK.monitor"
echo "PulseAudio test microphone ready: $SINK.monitor"
