using System.Collections.Concurrent;

namespace ServiceDesk.Core.Storage;

/// <summary>
/// SQLite has one writer at a time and makes the others sleep in its busy handler; under load those sleeps, not the
/// writes, dominate. Saves to the same database file in this process therefore queue here instead (SQLite is the
/// one-process store; several replicas use PostgreSQL).
/// </summary>
public static class SqliteWriteGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    public static SemaphoreSlim For(string connectionString) => Gates.GetOrAdd(connectionString, _ => new SemaphoreSlim(1, 1));
}
