// Submits a handler to loopd and invokes it, using only @grpc/grpc-js, @grpc/proto-loader and
// the repository's .proto files: what any Node.js developer would write against the API.
//
//   LOOPD_SERVER=127.0.0.1:7070 LOOPD_TOKEN=... node client.mjs [handler-name]
//
// Prints one JSON line per step; exits 1 with the gRPC error on failure.
import grpc from '@grpc/grpc-js';
import protoLoader from '@grpc/proto-loader';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const protoRoot = path.resolve(here, '../../proto/src/main/proto');
const server = process.env.LOOPD_SERVER ?? '127.0.0.1:7070';
const token = process.env.LOOPD_TOKEN;
const name = process.argv[2] ?? 'from-node';
if (!token) {
  console.error('set LOOPD_TOKEN to a tenant token (bin/loopd up prints one)');
  process.exit(2);
}

const definition = protoLoader.loadSync(
  ['loopd/control/v1/handlers.proto', 'loopd/control/v1/invoke.proto'],
  { includeDirs: [protoRoot], keepCase: false, longs: String, enums: String, defaults: true },
);
const api = grpc.loadPackageDefinition(definition).loopd.control.v1;
// Local mode speaks plaintext on loopback; the bearer token goes in each call's metadata
// (grpc-js refuses call credentials on an insecure channel).
const handlers = new api.HandlerService(server, grpc.credentials.createInsecure());
const invoker = new api.InvokeService(server, grpc.credentials.createInsecure());
const metadata = () => {
  const md = new grpc.Metadata();
  md.add('authorization', `Bearer ${token}`);
  return md;
};
const call = (client, method, request) =>
  new Promise((resolve, reject) =>
    client[method](request, metadata(), { deadline: Date.now() + 30_000 }, (err, res) =>
      err ? reject(err) : resolve(res),
    ),
  );

const source = `export default async (request, ctx) => ({
  status: 200,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ greeting: 'hello from ' + ctx.handler, version: ctx.version, path: request.path }),
});`;

try {
  const submitted = await call(handlers, 'submitHandler', { name, source });
  console.log(JSON.stringify({ step: 'submitted', version: submitted.version.version, created: submitted.created }));
  const until = Date.now() + 60_000;
  let state;
  do {
    state = (await call(handlers, 'getHandler', { name })).status?.state;
    if (state === 'STATE_READY') break;
    if (state === 'STATE_FAILED') throw new Error(`handler ${name} failed to load`);
    await new Promise((r) => setTimeout(r, 200));
  } while (Date.now() < until);
  console.log(JSON.stringify({ step: 'ready', state }));
  const response = await call(invoker, 'invoke', { handler: name, path: '/from/node' });
  console.log(JSON.stringify({
    step: 'invoked',
    status: response.status,
    body: JSON.parse(Buffer.from(response.body).toString('utf8')),
    nodeId: response.nodeId,
  }));
} catch (err) {
  console.error(`error: ${err.code ?? ''} ${err.details ?? err.message}`);
  process.exit(1);
}
