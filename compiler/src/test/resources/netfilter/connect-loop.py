# connect+close round trips to HOST PORT, N times after 200 warm-up ones; prints the median and
# the 90th percentile in nanoseconds. Run by NetfilterCostBenchmark as the user to measure.
import socket, sys, time
host, port, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
times = []
for i in range(n + 200):
    start = time.perf_counter_ns()
    s = socket.create_connection((host, port), timeout=5)
    s.close()
    times.append(time.perf_counter_ns() - start)
times = sorted(times[200:])
print(times[len(times) // 2], times[len(times) * 9 // 10])
