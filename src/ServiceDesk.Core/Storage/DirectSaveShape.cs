using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ServiceDesk.Core.Storage;

/// <summary>
/// How <see cref="SqliteDirectSave"/> writes one entity type: its INSERT and UPDATE built from the EF model (every mapped
/// column, the model's value converters, the concurrency tokens in the UPDATE's WHERE), its key when SQLite generates
/// it, and its foreign keys to rows added in the same save (written with the integer keys SQLite gave those). Only for
/// a table of its own: no owned or complex types, many-to-many navigations, inheritance, composite foreign keys or
/// generated values other than an integer key.
/// </summary>
internal sealed class DirectSaveShape
{
    private readonly IProperty[] _inserted;
    private readonly IProperty[] _set;
    private readonly IProperty[] _where; // the key, then the concurrency tokens
    private readonly IProperty? _generatedKey;
    private readonly Dictionary<IProperty, IEntityType> _references; // foreign key property → the principal's type
    private readonly string _insertSql;
    private readonly string _updateSql;

    private DirectSaveShape(IEntityType type, string table, IProperty? generatedKey, Dictionary<IProperty, IEntityType> references)
    {
        Type = type;
        _references = references;
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
            $"WHERE {string.Join(" AND ", _where.Select((p, i) => $"{Column(p)} {(p.IsNullable ? "IS" : "=")} $p{n + i}"))}";
    }

    public IEntityType Type { get; }

    /// <summary>The entry's key while it is temporary (SQLite will generate it), else null.</summary>
    public long? TemporaryKey(EntityEntry entry) =>
        _generatedKey is not null && entry.State == EntityState.Added ? (long?)entry.CurrentValues[_generatedKey] : null;

    /// <summary>The entity types whose rows this one's foreign keys point at.</summary>
    public IEnumerable<IEntityType> Principals => _references.Values;

    public static DirectSaveShape? TryCreate(IEntityType type)
    {
        if (type.GetTableName() is not { } table || type.GetSchema() is not null || type.IsOwned() || type.BaseType is not null
            || type.GetDirectlyDerivedTypes().Any() || type.GetSkipNavigations().Any()
            || type.GetComplexProperties().Any() || type.FindPrimaryKey() is not { } key)
            return null;
        var references = new Dictionary<IProperty, IEntityType>();
        foreach (var foreignKey in type.GetForeignKeys())
        {
            if (foreignKey.Properties is not [var property])
                return null;
            references[property] = foreignKey.PrincipalEntityType;
        }
        IProperty? generatedKey = null;
        foreach (var property in type.GetProperties())
        {
            if (property.ValueGenerated == ValueGenerated.Never) continue;
            if (key.Properties is [var only] && only == property && property.ClrType == typeof(long) && property.ValueGenerated == ValueGenerated.OnAdd
                && !property.IsForeignKey())
                generatedKey = property;
            else
                return null; // a default or computed value that EF Core would read back
        }
        return new DirectSaveShape(type, table, generatedKey, references);
    }

    /// <summary>Whether this shape writes <paramref name="entry"/> as it stands.</summary>
    public bool Covers(EntityEntry entry) => entry.State switch
    {
        EntityState.Added => _generatedKey is null || entry.Property(_generatedKey).IsTemporary,
        EntityState.Modified => true,
        _ => false,
    };

    /// <summary>
    /// Writes the entry; returns the key SQLite generated for it, if it does. <paramref name="keys"/> maps the temporary
    /// keys of rows written before in this save to the ones SQLite gave them.
    /// </summary>
    public long Write(SqliteWriter writer, SqliteConnection connection, EntityEntry entry, Dictionary<(IEntityType, long), long> keys)
    {
        if (entry.State == EntityState.Added)
        {
            var insert = writer.Statement(connection, _insertSql, _inserted.Length);
            var current = entry.CurrentValues;
            for (var i = 0; i < _inserted.Length; i++)
                insert.Parameters[i].Value = ToProvider(_inserted[i], Resolve(entry, _inserted[i], current[_inserted[i]], keys));
            insert.ExecuteNonQuery();
            return _generatedKey is null ? 0 : SQLitePCL.raw.sqlite3_last_insert_rowid(connection.Handle);
        }

        var update = writer.Statement(connection, _updateSql, _set.Length + _where.Length);
        var values = entry.CurrentValues;
        var original = entry.OriginalValues;
        for (var i = 0; i < _set.Length; i++)
            update.Parameters[i].Value = ToProvider(_set[i], Resolve(entry, _set[i], values[_set[i]], keys));
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

    /// <summary>The key SQLite generated for the entity, set on it (after the commit; principals before dependents).</summary>
    public void Generated(EntityEntry entry, long key)
    {
        if (_generatedKey is null || entry.State != EntityState.Added) return;
        var property = entry.Property(_generatedKey);
        property.CurrentValue = key;
        property.IsTemporary = false;
    }

    /// <summary>
    /// The foreign keys that pointed at rows added in this save, no longer temporary (after the commit, once the keys of
    /// those rows are set: EF Core has then moved most of them along itself).
    /// </summary>
    public void Referenced(EntityEntry entry, Dictionary<(IEntityType, long), long> keys)
    {
        foreach (var (foreignKey, principal) in _references)
        {
            var property = entry.Property(foreignKey);
            if (!property.IsTemporary) continue;
            if (property.CurrentValue is long value && keys.TryGetValue((principal, value), out var stored)) property.CurrentValue = stored;
            property.IsTemporary = false;
        }
    }

    /// <summary>A foreign key's value as stored: a temporary one is the key SQLite gave the row it points at.</summary>
    private object? Resolve(EntityEntry entry, IProperty property, object? value, Dictionary<(IEntityType, long), long> keys)
    {
        if (value is not long temporary || !_references.TryGetValue(property, out var principal) || !entry.Property(property).IsTemporary)
            return value;
        return keys.TryGetValue((principal, temporary), out var stored)
            ? stored
            : throw new InvalidOperationException($"{Type.DisplayName()}.{property.Name} points at a {principal.DisplayName()} this save did not write.");
    }

    private static object ToProvider(IProperty property, object? value)
    {
        if (value is null) return DBNull.Value;
        return property.GetTypeMapping().Converter is { } converter ? converter.ConvertToProvider(value) ?? DBNull.Value : value;
    }
}
