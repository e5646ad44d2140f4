// Connects the official socket.io-client over TLS, trusting only the given CA (the test's self-signed
// certificate), and echoes once. Usage: node tls-client.mjs <https-url> <ca.pem> <polling|websocket>.
// Prints {ev: "connect", transport, secure} then {ev: "echo", reply} or {ev: "connect_error", message}.
import { io } from "socket.io-client";
import { readFileSync } from "node:fs";

const [url, caFile, transport] = process.argv.slice(2);
const out = (o) => console.log(JSON.stringify(o));
const socket = io(url, { transports: [transport], upgrade: false, reconnection: false, ca: readFileSync(caFile) });
socket.on("connect", () => {
  out({ ev: "connect", transport: socket.io.engine.transport.name, secure: socket.io.engine.secure });
  socket.emit("echo", "over tls", (reply) => { out({ ev: "echo", reply }); socket.close(); process.exit(0); });
});
socket.on("connect_error", (e) => { out({ ev: "connect_error", message: e.message }); process.exit(0); });
