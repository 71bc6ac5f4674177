// Preloaded into Portkey's gateway by scripts/gateway. The gateway's start script listens on every
// interface and has no host option; a test tool must stay on loopback, so every listen() without an
// explicit host binds GATEWAY_HOST (default 127.0.0.1) instead.
const net = require("net");
const host = process.env.GATEWAY_HOST || "127.0.0.1";
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  if (args[0] !== null && typeof args[0] === "object") {
    args[0] = { ...args[0], host: args[0].host || host };
  } else if (typeof args[0] === "number" || typeof args[0] === "string") {
    if (typeof args[1] !== "string") args.splice(1, args[1] === undefined ? 1 : 0, host);
  }
  return listen.apply(this, args);
};
