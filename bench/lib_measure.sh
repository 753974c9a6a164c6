# Shared by the bench scripts that time commands with /usr/bin/time -v (sourced, not run).
#
# measured REPORT: prints one line from /usr/bin/time -v's REPORT file: wall clock, CPU (user +
# system) and peak memory, and sets peak_mib. On a shared machine wall clock includes waiting
# for the CPU; the CPU time does not.
measured() {
  local wall user system peak
  wall=$(sed -n 's/^\tElapsed (wall clock) time (h:mm:ss or m:ss): //p' "$1")
  user=$(sed -n 's/^\tUser time (seconds): //p' "$1")
  system=$(sed -n 's/^\tSystem time (seconds): //p' "$1")
  peak=$(sed -n 's/^\tMaximum resident set size (kbytes): //p' "$1")
  echo "   wall $wall, CPU ${user}s user + ${system}s system, peak memory $((peak / 1024)) MiB"
  peak_mib=$((peak / 1024))
}
