#!/usr/bin/env bash
# Starts a single-node Kafka broker in KRaft mode on 127.0.0.1:${KAFKA_PORT:-9092}, with the jars that
# pom.xml fetches from Maven Central (cached in lib/). Idempotent: a running broker is left alone.
# Waits until the broker accepts connections. Stop it with stop.sh.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
port="${KAFKA_PORT:-9092}"
controller_port="${KAFKA_CONTROLLER_PORT:-9093}"
run="${KAFKA_RUN_DIR:-$here/run}"
mkdir -p "$run"

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

if [ -f "$run/kafka.pid" ] && kill -0 "$(cat "$run/kafka.pid")" 2>/dev/null && listening "$port"; then
  echo "kafka: already running on 127.0.0.1:$port (pid $(cat "$run/kafka.pid"))"
  exit 0
fi
if listening "$port"; then
  echo "kafka: port $port is already in use by another process; set KAFKA_PORT to use another port" >&2
  exit 1
fi

if [ ! -f "$here/lib/.complete" ]; then
  echo "kafka: fetching the broker jars from Maven Central (once)…"
  (cd "$here" && mvn -q -B dependency:copy-dependencies -DoutputDirectory=lib -DincludeScope=runtime)
  touch "$here/lib/.complete"
fi

cat > "$run/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$controller_port
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$controller_port
advertised.listeners=PLAINTEXT://127.0.0.1:$port
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$run/data
num.partitions=3
auto.create.topics.enable=false
offsets.topic.replication.factor=1
offsets.topic.num.partitions=6
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
log.flush.interval.messages=1
PROPS
cat > "$run/log4j.properties" <<PROPS
log4j.rootLogger=WARN, file
log4j.appender.file=org.apache.log4j.FileAppender
log4j.appender.file.File=$run/kafka.log
log4j.appender.file.layout=org.apache.log4j.PatternLayout
log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka.server.KafkaServer=INFO
log4j.logger.kafka.server.BrokerServer=INFO
PROPS

cp="$here/lib/*"
log4j="-Dlog4j.configuration=file:$run/log4j.properties"
if [ ! -f "$run/data/meta.properties" ]; then
  java "$log4j" -cp "$cp" kafka.tools.StorageTool format -t "$(java "$log4j" -cp "$cp" kafka.tools.StorageTool random-uuid)" \
    -c "$run/server.properties" >/dev/null
fi

nohup java -Xms256m -Xmx768m -XX:+UseG1GC -Djava.awt.headless=true \
  "$log4j" -cp "$cp" kafka.Kafka "$run/server.properties" \
  >"$run/stdout.log" 2>&1 &
echo $! > "$run/kafka.pid"

for _ in $(seq 1 120); do
  if listening "$port"; then echo "kafka: ready on 127.0.0.1:$port (pid $(cat "$run/kafka.pid"))"; exit 0; fi
  if ! kill -0 "$(cat "$run/kafka.pid")" 2>/dev/null; then
    echo "kafka: the broker exited; last lines of its log:" >&2; tail -20 "$run/stdout.log" "$run/kafka.log" >&2 || true; exit 1
  fi
  sleep 0.5
done
echo "kafka: not listening on $port after 60 s" >&2; exit 1
