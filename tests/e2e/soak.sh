#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A soak at a kiosk: a fixed-seed random stream of keys, search words,
# taps, wheel turns and resizes (1x1 to 200x60), with pauses longer than
# the idle time so the viewer resets itself.  Every few hundred events the
# same process must be alive and not stopped, drawing a sane screen; at
# the end it is home again and its memory has not grown.
#
# SOAK_EVENTS sets the length (default 3000), SOAK_SEED the seed.
. "${top_srcdir:-.}/tests/e2e/lib.sh"

E2E_TERM=xterm-256color
: "${SOAK_EVENTS:=3000}"
: "${SOAK_SEED:=20240611}"
idle=3
every=500	# events between checkpoints
batch=10	# events sent with one tmux command
run="$PAMPHLET --content $e2e_content --kiosk --idle=$idle"
tap_plan 7

# Writes the events as tmux command files of $batch events each, and a
# plan: "B FILE" sends a batch, "C N" checks after N events, "P" waits
# past the idle time for a reset.  The window ends at 80x24 before each
# pause and at the end.
soak_generate() {
	mkdir -p "$tap_tmp/soak" &&
	awk -v seed="$SOAK_SEED" -v n="$SOAK_EVENTS" -v bs="$batch" \
	    -v every="$every" -v dir="$tap_tmp/soak" '
	function hexstr(s,   i, out, c) {
		out = ""
		for (i = 1; i <= length(s); i++) {
			c = substr(s, i, 1)
			out = out " " HEX[c]
		}
		return out
	}
	function mouse(b, x, y, up) {
		return "send-keys -t e2e -H 1b" hexstr("[<" b ";" x ";" y (up ? "m" : "M"))
	}
	function resize(w, h) {
		cols = w; rows = h
		return "resize-window -t e2e -x " w " -y " h
	}
	BEGIN {
		srand(seed)
		split("0 1 2 3 4 5 6 7 8 9 [ < ; M m", C, " ")
		split("30 31 32 33 34 35 36 37 38 39 5b 3c 3b 4d 6d", H, " ")
		for (i = 1; i <= 15; i++) HEX[C[i]] = H[i]
		nk = split("Up Down Left Right PageUp PageDown Home End Enter " \
		    "BSpace / Escape ] [ L ? Tab BTab q Enter Down Up", K, " ")
		nw = split("doctor prost pain risk xyz massage próstata a zz " \
		    "when see infection", W, " ")
		cols = 80; rows = 24
		# The first pause ends the first checkpoint, so that memory is
		# measured at home at 80x24, as at the end.
		pause[int(n / 4) < every ? int(n / 4) : every] = 1
		pause[int(n / 2)] = pause[int(3 * n / 4)] = 1
		plan = dir "/plan"
		nb = 0; f = ""
		for (i = 1; i <= n; i++) {
			if (f == "") {
				nb++
				f = sprintf("%s/b%05d", dir, nb)
			}
			r = rand()
			if (i == n || pause[i])
				cmd = resize(80, 24)
			else if (r < 0.62)
				cmd = "send-keys -t e2e \x27" K[1 + int(rand() * nk)] "\x27"
			else if (r < 0.72)
				cmd = "send-keys -t e2e / \\; send-keys -t e2e -l \x27" \
				    W[1 + int(rand() * nw)] "\x27"
			else if (r < 0.86) {
				x = 1 + int(rand() * cols); y = 1 + int(rand() * rows)
				cmd = mouse(0, x, y, 0) " \\; " mouse(0, x, y, 1)
			} else if (r < 0.90)
				cmd = mouse(64 + int(rand() * 2), 1 + int(rand() * cols),
				    1 + int(rand() * rows), 0)
			else if (r < 0.93)
				cmd = resize(1 + int(rand() * 10), 1 + int(rand() * 6))
			else
				cmd = resize(1 + int(rand() * 200), 1 + int(rand() * 60))
			print cmd > f
			if (i % bs == 0 || i == n || pause[i] || i % every == 0) {
				close(f)
				print "B " f > plan
				f = ""
			}
			if (pause[i])
				print "P" > plan
			if (i % every == 0 || i == n)
				print "C " i > plan
		}
		close(plan)
	}'
}

# Waits, at most E2E_TIMEOUT, until the viewer has read what was sent:
# asleep in poll(), twice in a row.  Fails if it never is (a hang or a
# busy loop).
drained() {
	deadline=$(( $(date +%s) + E2E_TIMEOUT ))
	quiet=0
	while [ "$quiet" -lt 2 ]; do
		st=$(sed 's/.*) //' "/proc/$pid/stat" 2>/dev/null | cut -d' ' -f1)
		wc=$(cat "/proc/$pid/wchan" 2>/dev/null)
		case $st:$wc in
		S:*poll*|S:0|S:) quiet=$((quiet + 1)) ;;
		*) quiet=0 ;;
		esac
		[ "$(date +%s)" -ge "$deadline" ] && return 1
		sleep 0.01
	done
}

# Still the same process, and not stopped (state T).
alive() {
	state=$(ps -o stat= -p "$pid" 2>/dev/null) &&
	case $state in T*) return 1 ;; esac &&
	[ "$(e2e_child_pid)" = "$pid" ]
}

rss() { awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status" 2>/dev/null; }

# Something the viewer draws: its title bar on line 1, its status line
# last, or the "too small" notice in the middle row (any language); and
# no shell prompt.
sane_now() {
	size=$(e2e_tmux display -p -t e2e '#{window_width} #{window_height}')
	h=${size#* }
	scr=$(e2e_screen)
	printf '%s\n' "$scr" | grep -q '^e2e\$' && return 1
	for ln in 1 "$h" $(( h / 2 + 1 )); do
		printf '%s\n' "$scr" | sed -n "${ln}p" | grep -q '[^ ]' &&
		    return 0
	done
	return 1
}

sane() {
	deadline=$(( $(date +%s) + E2E_TIMEOUT ))
	until sane_now; do
		[ "$(date +%s)" -ge "$deadline" ] && {
			echo "# insane screen at ${size}:"
			e2e_screen | sed 's/^/# |/'
			return 1
		}
		sleep 0.05
	done
}

starts() {
	soak_generate &&
	e2e_start 80 24 HISTFILE=/dev/null &&
	e2e_type "$run; echo exit=\$?" &&
	e2e_wait_line 1 "Health topics" &&
	pid=$(e2e_child_pid) && [ -n "$pid" ]
}
e2e_case "the kiosk starts (seed $SOAK_SEED, $SOAK_EVENTS events)" starts

# The soak itself; failures are counted and reported in the cases below.
t0=$(date +%s)
bad_alive= bad_sane= bad_reset= rss_start= rss_end= npause=0
while read -r op arg; do
	case $op in
	B)
		e2e_tmux source-file "$arg" || bad_alive="$bad_alive tmux@$arg"
		drained || bad_alive="$bad_alive busy@${arg##*/}($st:$wc)"
		;;
	P)
		npause=$((npause + 1))
		# The wait begins at the last event; the reset shows within
		# the idle time and a second, plus the usual margin.
		E2E_TIMEOUT=$((idle + 1 + E2E_TIMEOUT)) \
		    e2e_wait_line 1 "Health topics" ||
			bad_reset="$bad_reset pause$npause"
		;;
	C)
		alive || { bad_alive="$bad_alive $arg(${state:-gone})"; break; }
		sane || bad_sane="$bad_sane $arg"
		r=$(rss)
		echo "# after $arg events: rss $r kB at $size, $(( $(date +%s) - t0 )) s"
		# After the first pause: at home, at 80x24.
		[ -z "$rss_start" ] && [ "$npause" -ge 1 ] && rss_start=$r
		;;
	esac
done <"$tap_tmp/soak/plan"
# With fewer events than a checkpoint's worth, the start is the end.
[ -n "$rss_start" ] || rss_start=$(rss)

soak_resets() {
	[ -z "$bad_reset" ] && [ "$npause" -ge 2 ] || {
		echo "# no reset after:$bad_reset ($npause pauses)"
		return 1
	}
}
e2e_case "each pause past the idle time resets it to the home screen" soak_resets

checkpoints_alive() {
	[ -z "$bad_alive" ] || { echo "# not alive at:$bad_alive"; return 1; }
}
e2e_case "alive and never stopped at every checkpoint" checkpoints_alive

checkpoints_sane() {
	[ -z "$bad_sane" ] || { echo "# screen not sane at:$bad_sane"; return 1; }
}
e2e_case "a sane screen at every checkpoint" checkpoints_sane

e2e_case "alive at the end" alive

# Left alone at 80x24, it goes home.
home_at_end() {
	[ "$(e2e_tmux display -p -t e2e '#{window_width}x#{window_height}')" = 80x24 ] &&
	E2E_TIMEOUT=$((idle + 1 + E2E_TIMEOUT)) e2e_wait_line 1 "Health topics" &&
	e2e_wait_line 23 "Search" &&
	alive
}
e2e_case "home screen at 80x24 after the last idle reset" home_at_end

rss_bound() {
	rss_end=$(rss)
	echo "# rss start $rss_start kB end $rss_end kB" \
	    "($SOAK_EVENTS events, $(( $(date +%s) - t0 )) s)"
	[ -n "$rss_start" ] && [ -n "$rss_end" ] &&
	# SOAK_RSS_SLACK (kB): a sanitizer's allocator keeps freed memory.
	[ "$rss_end" -le $(( rss_start + ${SOAK_RSS_SLACK:-1024} )) ]
}
e2e_case "resident memory at the end within $(( ${SOAK_RSS_SLACK:-1024} / 1024 )) MiB of that after the first $every events" rss_bound
