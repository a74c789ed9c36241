using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using ServiceDesk.Core.Conversations;
using ServiceDesk.Core.Notifications;
using ServiceDesk.Core.People;
using ServiceDesk.Core.Tickets;

namespace ServiceDesk.Core.Storage;

/// <summary>
/// The store. Each capability maps its own entities with an <see cref="IEntityTypeConfiguration{TEntity}"/> in its
/// folder; the schema is versioned by hand-written migrations in Storage/Migrations.
/// </summary>
public sealed class ServiceDeskDbContext(DbContextOptions<ServiceDeskDbContext> options) : DbContext(options)
{
    public DbSet<Ticket> Tickets => Set<Ticket>();

    public DbSet<TicketEvent> TicketEvents => Set<TicketEvent>();

    public DbSet<TicketAttachment> TicketAttachments => Set<TicketAttachment>();

    public DbSet<TicketThread> TicketThreads => Set<TicketThread>();

    public DbSet<ConversationState> Conversations => Set<ConversationState>();

    public DbSet<ProcessedMessage> ProcessedMessages => Set<ProcessedMessage>();

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    public DbSet<PersonProfile> Profiles => Set<PersonProfile>();

    public DbSet<ChannelStateEntry> ChannelState => Set<ChannelStateEntry>();

    public DbSet<ChannelTranscriptEntry> ChannelTranscripts => Set<ChannelTranscriptEntry>();

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        builder.Properties<DateTimeOffset>().HaveConversion<UnixMillisecondsConverter>();
        builder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ServiceDeskDbContext).Assembly);

    private readonly List<ISaveParticipant> _participants = [];
    private StoreDeliveredChannels? _storeDeliveredChannels;
    private bool _holdsWriteGate; // inside RunWriteTransactionAsync on SQLite: this unit already holds the write gate
    private SqliteWriter? _writer;
    private bool? _onSqlite;
    private bool _writerResolved;

    /// <summary>The application's store-delivered channels (none when the context was built outside the application).</summary>
    public StoreDeliveredChannels StoreDeliveredChannels => _storeDeliveredChannels ??=
        this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService<StoreDeliveredChannels>()
        ?? StoreDeliveredChannels.None;

    /// <summary>
    /// Whether the store is SQLite. Kept: EF Core's <c>Database.IsSqlite()</c> reads the provider's assembly name anew on
    /// every call (an allocation each time, several times a turn), and a unit of work's provider never changes.
    /// </summary>
    public bool OnSqlite => _onSqlite ??= Database.IsSqlite();

    /// <summary>The application's SQLite writer, when this unit of work's saves can go through it (else null).</summary>
    private SqliteWriter? Writer
    {
        get
        {
            if (_writerResolved) return _writer;
            var writer = this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService<SqliteWriter>();
            _writer = writer is not null && writer.Serves(this) ? writer : null;
            _writerResolved = true;
            return _writer;
        }
    }

    /// <summary>Has <paramref name="participant"/> take part in this context's next save (see <see cref="ISaveParticipant"/>).</summary>
    public void Enlist(ISaveParticipant participant) => _participants.Add(participant);

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (_participants.Count > 0)
            throw new InvalidOperationException("This unit of work has save participants (e.g. web messages to deliver): save it with SaveChangesAsync.");
        BumpVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <summary>
    /// Saves. On SQLite, writers queue on an in-process write gate instead of sleeping in SQLite's busy handler. Change
    /// detection and opening the connection run before the gate; the participants' staging (which may take locks of
    /// its own, always after the gate, so nobody waits for the gate while holding one) and the writing inside it.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BumpVersions();
        if (!OnSqlite || _holdsWriteGate) return await SaveWithParticipantsAsync(acceptAllChangesOnSuccess, cancellationToken);
        ChangeTracker.DetectChanges();
        var detect = ChangeTracker.AutoDetectChangesEnabled;
        return await InWriteGateAsync(async () =>
        {
            ChangeTracker.AutoDetectChangesEnabled = false; // just done; participants only add entities
            try
            {
                return await SaveWithParticipantsAsync(acceptAllChangesOnSuccess, cancellationToken);
            }
            finally
            {
                ChangeTracker.AutoDetectChangesEnabled = detect;
            }
        }, cancellationToken);
    }

    /// <summary>
    /// Runs a write that does not go through SaveChanges (ExecuteUpdate, ExecuteDelete). On SQLite it queues on the same
    /// write gate as the saves instead of sleeping in SQLite's busy handler while a save writes (under load such sleeps
    /// made an outbox update take milliseconds). <paramref name="write"/> must not save: the gate is not re-entrant.
    /// </summary>
    public async Task<T> ExecuteWriteAsync<T>(Func<CancellationToken, Task<T>> write, CancellationToken cancellationToken = default)
    {
        if (!OnSqlite || _holdsWriteGate) return await write(cancellationToken);
        return await InWriteGateAsync(() => write(cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="work"/> in the SQLite write gate: on the writer's connection when this unit can use it (all
    /// writes there: another connection's would cool its cache), else on its own, with a transaction the caller began on
    /// it. Its own connection is taken from the pool before queueing: opening it is a fifth of a save's work.
    /// </summary>
    private async Task<T> InWriteGateAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        if (Database.CurrentTransaction is null && Writer is { } writer) return await writer.RunAsync(this, work, cancellationToken);
        var opened = Database.GetDbConnection().State != System.Data.ConnectionState.Open;
        if (opened) await Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await SqliteWriteGate.For(Database.GetConnectionString() ?? "").RunAsync(work, cancellationToken);
        }
        finally
        {
            if (opened) await Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Whether this unit of work reads through <see cref="ReadThroughWriterAsync{T}"/> (SQLite with the application's
    /// writer): then it need not open a connection of its own for a turn.
    /// </summary>
    public bool ReadsThroughWriter => !_holdsWriteGate && Writer is not null;

    /// <summary>
    /// Runs a short read on the writer's connection, in the write gate's queue: every commit of this process went through
    /// that connection, so its page cache is valid and its compiled statements kept, where a pooled connection reads
    /// every page it needs from the file again after any write. Elsewhere (PostgreSQL, no writer, inside a write) it just
    /// runs <paramref name="read"/> on this unit's connection.
    /// </summary>
    public async Task<T> ReadThroughWriterAsync<T>(Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken = default)
    {
        if (_holdsWriteGate || Database.CurrentTransaction is not null || Writer is not { } writer) return await read(cancellationToken);
        return await writer.RunAsync(this, () => read(cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Runs a unit of work that opens its own transaction and reads before it writes (the SLA monitor's batch). On SQLite
    /// the whole unit holds the write gate, and its saves and <see cref="ExecuteWriteAsync{T}"/> calls pass through: its
    /// transaction takes SQLite's write lock at BEGIN, so a save that queued at the gate meanwhile would hold the gate
    /// sleeping for that lock while this unit's own save waited for the gate, each waiting for the other until the busy
    /// timeout failed the save. Elsewhere it just runs <paramref name="work"/>. The work writes through this context only:
    /// a save of another context inside it would wait for the gate this unit holds.
    /// </summary>
    public async Task<T> RunWriteTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken = default)
    {
        if (!OnSqlite || _holdsWriteGate) return await work(cancellationToken);
        return await ExecuteWriteAsync(async c =>
        {
            _holdsWriteGate = true;
            try
            {
                return await work(c);
            }
            finally
            {
                _holdsWriteGate = false;
            }
        }, cancellationToken);
    }

    /// <summary>
    /// EF Core's save, or on the SQLite writer's connection the direct one when it covers every change (an ordinary turn:
    /// see <see cref="SqliteDirectSave"/>).
    /// </summary>
    private Task<int> SaveTrackedAsync(bool acceptAllChangesOnSuccess, CancellationToken ct)
    {
        if (Database.CurrentTransaction is null && Database.GetDbConnection() is SqliteConnection connection
            && SqliteWriter.Of(connection) is { } writer && writer.TryDirectSave(this, connection, acceptAllChangesOnSuccess) is { } written)
            return Task.FromResult(written);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);
    }

    private async Task<int> SaveWithParticipantsAsync(bool acceptAllChangesOnSuccess, CancellationToken ct)
    {
        if (_participants.Count == 0) return await SaveTrackedAsync(acceptAllChangesOnSuccess, ct);
        var participants = _participants.ToList();
        _participants.Clear();
        var prepared = new List<ISaveParticipant>(participants.Count);
        var committed = false;
        try
        {
            foreach (var participant in participants)
            {
                prepared.Add(participant);
                await participant.BeforeSaveAsync(this, ct);
            }
            var written = await SaveTrackedAsync(acceptAllChangesOnSuccess, ct);
            committed = true;
            return written;
        }
        finally
        {
            foreach (var participant in prepared) participant.AfterSave(committed);
        }
    }

    public override void Dispose()
    {
        _participants.Clear(); // a pooled context comes back empty-handed
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        _participants.Clear();
        return base.DisposeAsync();
    }

    private void BumpVersions()
    {
        foreach (var entry in ChangeTracker.Entries<Ticket>().Where(e => e.State == EntityState.Modified))
            entry.Entity.Version++;
        foreach (var entry in ChangeTracker.Entries<ConversationState>().Where(e => e.State == EntityState.Modified))
            entry.Entity.Version++;
    }
}
