namespace ServiceDesk.Core.Configuration;

/// <summary>The <c>ServiceDesk</c> configuration section: data, people, lines, channels of the teams.</summary>
public sealed class ServiceDeskOptions
{
    public const string Section = "ServiceDesk";

    public string DataDirectory { get; set; } = "./data";

    public DatabaseOptions Database { get; set; } = new();

    public string TicketPrefix { get; set; } = "SD";

    public string DefaultLanguage { get; set; } = "en";

    /// <summary>Where the dialog definitions and texts live; default: <c>dialogs/</c> next to the app or in the working directory.</summary>
    public string? DialogsDirectory { get; set; }

    /// <summary>Named people with their identities on several channels (<c>alice: { Name, Identities: [web:alice, telegram:123] }</c>).</summary>
    public Dictionary<string, PersonOptions> People { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>L1, L2, L3: members (person ids or identities), lead, team channel (<c>channel:conversation-id</c>).</summary>
    public Dictionary<string, LineOptions> Lines { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public List<string> Managers { get; set; } = [];

    public string? ManagersChannel { get; set; }

    public ApiOptions Api { get; set; } = new();

    /// <summary>A resolved ticket the requester does not answer closes by itself after this.</summary>
    public TimeSpan AutoCloseAfter { get; set; } = TimeSpan.FromDays(3);

    /// <summary>A closed ticket can be reopened for this many days.</summary>
    public int ReopenWindowDays { get; set; } = 14;

    /// <summary>An unfinished conversation is forgotten after this idle time (with a note next time).</summary>
    public TimeSpan ConversationIdleTimeout { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Longer messages are refused with a clear reply.</summary>
    public int MaxMessageLength { get; set; } = 4000;

    /// <summary>
    /// Messages one person may send per minute (a burst of this many, refilled evenly); beyond it a message is not handled
    /// and the person is told once to slow down. Counted per process. 0 = no limit.
    /// </summary>
    public int MessagesPerMinute { get; set; } = 30;

    /// <summary>How long handled-message ids, delivered outbox messages and web transcripts are kept.</summary>
    public RetentionOptions Retention { get; set; } = new();
}

public sealed class DatabaseOptions
{
    /// <summary><c>Sqlite</c> (embedded default) or <c>Postgres</c> (several replicas).</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>Empty for SQLite means <c>{DataDirectory}/servicedesk.db</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// SQLite: how often the service moves the write-ahead log into the database file in the background, so that no
    /// turn's commit has to (a commit checkpoints only if the log grew past 10,000 pages anyway), and starts the log
    /// over once it is long (<see cref="Storage.SqliteCheckpointer"/>).
    /// </summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromMilliseconds(200);
}

public sealed class LineOptions
{
    public List<string> Members { get; set; } = [];

    public string? Lead { get; set; }

    public string? TeamChannel { get; set; }
}

public sealed class PersonOptions
{
    public string? Name { get; set; }

    public List<string> Identities { get; set; } = [];

    public string? Language { get; set; }
}

public sealed class ApiOptions
{
    /// <summary>Keys accepted in the <c>X-Api-Key</c> header of the REST API.</summary>
    public List<string> Keys { get; set; } = [];
}
