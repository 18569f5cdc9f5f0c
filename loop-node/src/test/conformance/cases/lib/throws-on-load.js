// Helper: throws while loading, so it must not stay in the require cache.
globalThis.__throwsOnLoadCount = (globalThis.__throwsOnLoadCount || 0) + 1;
throw new Error('load failed #' + globalThis.__throwsOnLoadCount);
