// JSON hello: the cheapest useful handler.
export default async (request) => ({ hello: request.query.name ?? 'world', at: request.path });
