// Measures what the simulator streams for a whole universe: subscribes publicTrade, orderbook.50, tickers and kline.5
// for every linear symbol, counts trades, book updates and bytes for DURATION_S seconds, and reports the simulator
// process's CPU share over the same window (from /proc/<SIM_PID>/stat). Used for docs/BENCHMARKS.md; not a test.
//   BYBIT_REST_URL=http://127.0.0.1:5399 BYBIT_WS_PUBLIC=ws://127.0.0.1:5399/v5/public/linear SIM_PID=1234 node stream-load.mjs
import { readFileSync } from 'node:fs';
import WebSocket from 'ws';

const rest = process.env.BYBIT_REST_URL;
const wsUrl = process.env.BYBIT_WS_PUBLIC;
const pid = process.env.SIM_PID;
const duration = Number(process.env.DURATION_S ?? 60);
const ticksPerSecond = 100; // USER_HZ on Linux

function cpuTicks() {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return Number(fields[11]) + Number(fields[12]); // utime + stime
}

const instruments = await (await fetch(`${rest}/v5/market/instruments-info?category=linear`)).json();
const symbols = instruments.result.list.map((item) => item.symbol);
const counts = { trades: 0, bookUpdates: 0, tickers: 0, klines: 0, messages: 0, bytes: 0 };
const sockets = [];
// Bybit allows up to 10 topics per subscribe; one connection per 8 symbols keeps each connection's topic list short.
for (let i = 0; i < symbols.length; i += 8) {
  const socket = new WebSocket(wsUrl);
  sockets.push(socket);
  socket.on('open', () => {
    const topics = symbols.slice(i, i + 8).flatMap((s) => [`publicTrade.${s}`, `orderbook.50.${s}`, `tickers.${s}`, `kline.5.${s}`]);
    for (let t = 0; t < topics.length; t += 10) {
      socket.send(JSON.stringify({ op: 'subscribe', args: topics.slice(t, t + 10) }));
    }
  });
  socket.on('message', (data) => {
    counts.messages++;
    counts.bytes += data.length;
    const message = JSON.parse(data);
    if (!message.topic) return;
    if (message.topic.startsWith('publicTrade.')) counts.trades += message.data.length;
    else if (message.topic.startsWith('orderbook.')) counts.bookUpdates++;
    else if (message.topic.startsWith('tickers.')) counts.tickers++;
    else if (message.topic.startsWith('kline.')) counts.klines++;
  });
}

await new Promise((resolve) => setTimeout(resolve, 3000));
for (const key of Object.keys(counts)) counts[key] = 0;
const cpuBefore = cpuTicks();
const started = Date.now();
await new Promise((resolve) => setTimeout(resolve, duration * 1000));
const seconds = (Date.now() - started) / 1000;
const cpuShare = (cpuTicks() - cpuBefore) / ticksPerSecond / seconds;
for (const socket of sockets) socket.terminate();
const perSecond = (value) => (value / seconds).toFixed(0);
console.log(`symbols ${symbols.length}, ${seconds.toFixed(1)} s`);
console.log(`trades/s ${perSecond(counts.trades)}, book updates/s ${perSecond(counts.bookUpdates)}, tickers/s ${perSecond(counts.tickers)}, klines/s ${perSecond(counts.klines)}`);
console.log(`messages/s ${perSecond(counts.messages)}, KB/s ${(counts.bytes / 1024 / seconds).toFixed(0)}`);
console.log(`simulator CPU ${(cpuShare * 100).toFixed(1)} % of one core`);
