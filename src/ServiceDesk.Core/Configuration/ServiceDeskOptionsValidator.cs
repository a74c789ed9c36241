using Microsoft.Extensions.Options;

namespace ServiceDesk.Core.Configuration;

/// <summary>Refuses a configuration that cannot work, naming the setting.</summary>
public sealed class ServiceDeskOptionsValidator : IValidateOptions<ServiceDeskOptions>
{
    private static readonly string[] Languages = ["en", "ru", "pl"];

    public ValidateOptionsResult Validate(string? name, ServiceDeskOptions o)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(o.TicketPrefix) || !o.TicketPrefix.All(char.IsAsciiLetterOrDigit))
            errors.Add($"ServiceDesk:TicketPrefix '{o.TicketPrefix}' must be letters or digits (e.g. SD).");
        if (!Languages.Contains(o.DefaultLanguage))
            errors.Add($"ServiceDesk:DefaultLanguage '{o.DefaultLanguage}' must be one of en, ru, pl.");
        if (o.Database.Provider is not ("Sqlite" or "Postgres"))
            errors.Add($"ServiceDesk:Database:Provider '{o.Database.Provider}' must be Sqlite or Postgres.");
        if (o.Database.Provider == "Postgres" && string.IsNullOrWhiteSpace(o.Database.ConnectionString))
            errors.Add("ServiceDesk:Database:ConnectionString is required when the provider is Postgres.");
        foreach (var (line, opts) in o.Lines)
        {
            if (line.ToUpperInvariant() is not ("L1" or "L2" or "L3"))
                errors.Add($"ServiceDesk:Lines:{line} is not a line; use L1, L2 or L3.");
            if (opts.TeamChannel is { } tc && !IsAddress(tc))
                errors.Add($"ServiceDesk:Lines:{line}:TeamChannel '{tc}' must be channel:conversation-id.");
            foreach (var m in opts.Members.Where(m => !IsAddress(m) && !o.People.ContainsKey(m)))
                errors.Add($"ServiceDesk:Lines:{line}:Members '{m}' is neither an identity (channel:id) nor a person in ServiceDesk:People.");
        }
        foreach (var m in o.Managers.Where(m => !IsAddress(m) && !o.People.ContainsKey(m)))
            errors.Add($"ServiceDesk:Managers '{m}' is neither an identity (channel:id) nor a person in ServiceDesk:People.");
        if (o.ManagersChannel is { } mc && !IsAddress(mc))
            errors.Add($"ServiceDesk:ManagersChannel '{mc}' must be channel:conversation-id.");
        foreach (var (id, p) in o.People)
            foreach (var i in p.Identities.Where(i => !IsAddress(i)))
                errors.Add($"ServiceDesk:People:{id}:Identities '{i}' must be channel:id.");
        for (var i = 0; i < o.Api.Keys.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(o.Api.Keys[i]))
                errors.Add($"ServiceDesk:Api:Keys:{i} is empty: set a key or remove the entry (an empty key would refuse every API call).");
        }
        if (o.Database.CheckpointInterval <= TimeSpan.Zero) errors.Add("ServiceDesk:Database:CheckpointInterval must be positive.");
        if (o.AutoCloseAfter <= TimeSpan.Zero) errors.Add("ServiceDesk:AutoCloseAfter must be positive.");
        if (o.ReopenWindowDays < 0) errors.Add("ServiceDesk:ReopenWindowDays must not be negative.");
        if (o.ConversationIdleTimeout <= TimeSpan.Zero) errors.Add("ServiceDesk:ConversationIdleTimeout must be positive.");
        if (o.MessagesPerMinute is < 0 or (> 0 and < 5))
            errors.Add($"ServiceDesk:MessagesPerMinute '{o.MessagesPerMinute}' must be 0 (no limit) or at least 5: fewer would refuse ordinary conversations.");
        if (o.MaxMessageLength is < 100 or > 100_000) errors.Add("ServiceDesk:MaxMessageLength must be between 100 and 100000.");
        var r = o.Retention;
        if (r.Interval <= TimeSpan.Zero) errors.Add("ServiceDesk:Retention:Interval must be positive.");
        if (r.ProcessedMessages < TimeSpan.Zero || (r.ProcessedMessages > TimeSpan.Zero && r.ProcessedMessages < TimeSpan.FromDays(1)))
            errors.Add($"ServiceDesk:Retention:ProcessedMessages '{r.ProcessedMessages}' must be 0 (keep) or at least a day: Telegram redelivers updates for 24 hours.");
        if (r.SentOutbox < TimeSpan.Zero) errors.Add("ServiceDesk:Retention:SentOutbox must not be negative.");
        if (r.WebTranscripts < TimeSpan.Zero) errors.Add("ServiceDesk:Retention:WebTranscripts must not be negative.");
        if (r.ChannelSessions != TimeSpan.Zero && r.ChannelSessions < TimeSpan.FromDays(1))
            errors.Add($"ServiceDesk:Retention:ChannelSessions '{r.ChannelSessions}' must be 0 (keep) or at least a day: a shorter one ends web chats in use.");
        if (r.ChannelButtons != TimeSpan.Zero && r.ChannelButtons < TimeSpan.FromDays(1))
            errors.Add($"ServiceDesk:Retention:ChannelButtons '{r.ChannelButtons}' must be 0 (keep) or at least a day: a shorter one expires the buttons of today's cards.");
        if (r.ClosedTicketsPersonalData != TimeSpan.Zero
            && (r.ClosedTicketsPersonalData < TimeSpan.FromDays(1) || r.ClosedTicketsPersonalData <= TimeSpan.FromDays(o.ReopenWindowDays)))
            errors.Add($"ServiceDesk:Retention:ClosedTicketsPersonalData '{r.ClosedTicketsPersonalData}' must be 0 (keep) or at least a day and longer than ServiceDesk:ReopenWindowDays ({o.ReopenWindowDays}): a ticket that can still be reopened keeps its texts.");
        if (r.BatchSize is < 1 or > 100_000) errors.Add("ServiceDesk:Retention:BatchSize must be between 1 and 100000.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool IsAddress(string s)
    {
        var i = s.IndexOf(':');
        return i > 0 && i < s.Length - 1;
    }
}
