// The `--registry` option every registry-using command takes, worded once.
export const REGISTRY_OPTION = ['--registry <url>', 'key registry: SQLite file or postgres:// URL (default: $LEAKSTOP_REGISTRY)'] as const;
