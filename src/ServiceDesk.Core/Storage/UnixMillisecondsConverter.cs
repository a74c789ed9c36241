using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ServiceDesk.Core.Storage;

/// <summary>Stores instants as UTC unix milliseconds so they sort, compare and index the same on SQLite and PostgreSQL.</summary>
public sealed class UnixMillisecondsConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.ToUnixTimeMilliseconds(),
    v => DateTimeOffset.FromUnixTimeMilliseconds(v));
