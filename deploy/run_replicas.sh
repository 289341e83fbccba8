#!/usr/bin/env bash
# Start N replicas of Gradient Lab and nginx in front of them (deploy/nginx.conf.template).
#
#   deploy/run_replicas.sh [REPLICAS] [LISTEN]        e.g. deploy/run_replicas.sh 4 80
#
# Replicas listen on 127.0.0.1:8501, 8502, ...; all get one cookie secret
# ($GL_COOKIE_SECRET, or a random one for this run). nginx runs in the foreground with its
# pid, logs and temp files under $GL_RUN_DIR (default: a new temporary directory).
# Ctrl-C (or SIGTERM) stops nginx and every replica this script started.
set -euo pipefail
cd "$(dirname "$0")/.."

replicas="${1:-2}"
listen="${2:-8080}"
first_port="${GL_FIRST_PORT:-8501}"
python="${PYTHON:-python3}"
run_dir="${GL_RUN_DIR:-$(mktemp -d)}"
secret="${GL_COOKIE_SECRET:-$("$python" -c 'import secrets; print(secrets.token_hex(32))')}"
mkdir -p "$run_dir"
chmod 755 "$run_dir"  # nginx workers run as an unprivileged user when started as root

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait || true
}
trap cleanup EXIT INT TERM

servers=""
for ((i = 0; i < replicas; i++)); do
  port=$((first_port + i))
  # Streamlit accepts the cookie secret from its environment or config, not as a CLI flag.
  STREAMLIT_SERVER_COOKIE_SECRET="$secret" "$python" -m streamlit run app.py \
    --server.port "$port" --server.address 127.0.0.1 --server.headless true \
    --browser.gatherUsageStats false --server.fileWatcherType none &
  pids+=("$!")
  servers+="        server 127.0.0.1:${port};\\n"
done

# Fill the placeholders outside comment lines.
sed -e "/^[[:space:]]*#/!{s|@@RUN_DIR@@|${run_dir}|g; s|@@LISTEN@@|${listen}|g; s|@@SERVERS@@|${servers}|}" \
  deploy/nginx.conf.template > "$run_dir/nginx.conf"

for ((i = 0; i < replicas; i++)); do
  port=$((first_port + i))
  for _ in $(seq 120); do  # at most 60 s per replica
    [ "$(curl -fsS "http://127.0.0.1:${port}/_stcore/health" 2>/dev/null)" = ok ] && break
    sleep 0.5
  done
done

nginx -t -p "$run_dir" -e "$run_dir/error.log" -c "$run_dir/nginx.conf"
echo "nginx on ${listen} -> ${replicas} replicas; logs in ${run_dir}"
nginx -p "$run_dir" -e "$run_dir/error.log" -c "$run_dir/nginx.conf" -g 'daemon off;' &
pids+=("$!")
wait "${pids[-1]}"
