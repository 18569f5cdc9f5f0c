// The smallest handler: JSON back. Try it:
//   bin/loop-node serve --handler hello=examples/handlers/hello.mjs
//   curl 'localhost:8080/h/hello/?name=loopd'
export default async (request, ctx) => ({
  hello: request.query.name ?? 'world',
  handler: ctx.handler,
  version: ctx.version,
});
