// Stand-in for the 'server-only' guard under jest, where every module runs as server code.
module.exports = {};
