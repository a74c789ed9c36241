using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ServiceDesk.Core.Storage;

/// <summary>
/// How <see cref="SqliteDirectSave"/> writes one entity type: its INSERT and UPDATE built from the EF model (every mapped
/// column, the model's value converters, the concurrency tokens in the UPDATE's WHERE), and its key when SQLite
/// generates it. Only for a plain table: no navigations, owned or complex types, inheritance or generated values other
/// than an integer key.
/// </summary>
internal sealed class DirectSaveShape
{
    private readonly IProperty[] _inserted;
    private readonly IProperty[] _set;
    private readonly IProperty[] _where; // the key, then the concurrency tokens
    private readonly IProperty? _generatedKey;
    private readonly string _insertSql;
    private readonly string _updateSql;

    private DirectSaveShape(IEntityType type, string table, IProperty? generatedKey)
    {
        var keys = type.FindPrimaryKey()!.Properties;
        var store = StoreObjectIdentifier.Table(table, null);
        string Column(IProperty p) => "\"" + p.GetColumnName(store) + "\"";
        _generatedKey = generatedKey;
        _inserted = type.GetProperties().Where(p => p != generatedKey).ToArray();
        _set = type.GetProperties().Where(p => !keys.Contains(p)).ToArray();
        _where = keys.Concat(type.GetProperties().Where(p => p.IsConcurrencyToken && !keys.Contains(p))).ToArray();
        _insertSql = $"INSERT INTO \"{table}\" ({string.Join(", ", _inserted.Select(Column))}) VALUES ({string.Join(", ", _inserted.Select((_, i) => "$p" + i))})";
        var n = _set.Length;
        _updateSql = $"UPDATE \"{table}\" SET {string.Join(", ", _set.Select((p, i) => $"{Column(p)} = $p{i}"))} " +
            $"WHERE {string.Join(" AND ", _where.Select((p, i) => $"{Column(p)} = $p{n + i}"))}";
    }

    public string InsertSql => _insertSql;

    public string UpdateSql => _updateSql;

    public static DirectSaveShape? TryCreate(IEntityType type)
    {
        if (type.GetTableName() is not { } table || type.GetSchema() is not null || type.IsOwned() || type.BaseType is not null
            || type.GetDirectlyDerivedTypes().Any() || type.GetNavigations().Any() || type.GetSkipNavigations().Any()
            || type.GetComplexProperties().Any() || type.FindPrimaryKey() is not { } key)
            return null;
        IProperty? generatedKey = null;
        foreach (var property in type.GetProperties())
        {
            if (property.ValueGenerated == ValueGenerated.Never) continue;
            if (key.Properties is [var only] && only == property && property.ClrType == typeof(long) && property.ValueGenerated == ValueGenerated.OnAdd)
                generatedKey = property;
            else
                return null; // a default or computed value that EF Core would read back
        }
        return new DirectSaveShape(type, table, generatedKey);
    }

    /// <summary>Whether this shape writes <paramref name="entry"/> as it stands.</summary>
    public bool Covers(EntityEntry entry) => entry.State switch
    {
        EntityState.Added => _generatedKey is null || entry.Property(_generatedKey).IsTemporary,
        EntityState.Modified => true,
        _ => false,
    };

    /// <summary>Writes the entry; returns the key SQLite generated for it, if it does.</summary>
    public long Write(SqliteWriter writer, SqliteConnection connection, EntityEntry entry)
    {
        if (entry.State == EntityState.Added)
        {
            var insert = writer.Statement(connection, _insertSql, _inserted.Length);
            var current = entry.CurrentValues;
            for (var i = 0; i < _inserted.Length; i++)
                insert.Parameters[i].Value = ToProvider(_inserted[i], current[_inserted[i]]);
            insert.ExecuteNonQuery();
            return _generatedKey is null ? 0 : SQLitePCL.raw.sqlite3_last_insert_rowid(connection.Handle);
        }

        var update = writer.Statement(connection, _updateSql, _set.Length + _where.Length);
        var values = entry.CurrentValues;
        var original = entry.OriginalValues;
        for (var i = 0; i < _set.Length; i++)
            update.Parameters[i].Value = ToProvider(_set[i], values[_set[i]]);
        for (var i = 0; i < _where.Length; i++)
            update.Parameters[_set.Length + i].Value = ToProvider(_where[i], original[_where[i]]);
        var affected = update.ExecuteNonQuery();
        // (EF Core's own exception lists the entry through an internal type; nothing here reads that list)
        if (affected != 1)
            throw new DbUpdateConcurrencyException(
                $"The database operation was expected to affect 1 row(s), but actually affected {affected} row(s); " +
                $"the {entry.Metadata.DisplayName()} may have been modified or deleted since it was loaded.");
        return 0;
    }

    /// <summary>Sets the key SQLite generated on the entity (after the commit).</summary>
    public void Generated(EntityEntry entry, long key)
    {
        if (_generatedKey is null || entry.State != EntityState.Added) return;
        var property = entry.Property(_generatedKey);
        property.CurrentValue = key;
        property.IsTemporary = false;
    }

    private static object ToProvider(IProperty property, object? value)
    {
        if (value is null) return DBNull.Value;
        return property.GetTypeMapping().Converter is { } converter ? converter.ConvertToProvider(value) ?? DBNull.Value : value;
    }
}
