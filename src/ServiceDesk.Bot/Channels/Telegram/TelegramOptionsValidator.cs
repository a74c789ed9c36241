using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace ServiceDesk.Bot.Channels.Telegram;

/// <summary>Checks <see cref="TelegramOptions"/> at start; every message names the setting.</summary>
public sealed partial class TelegramOptionsValidator : IValidateOptions<TelegramOptions>
{
    private const string S = TelegramOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, TelegramOptions o)
    {
        if (!o.Enabled)
            return ValidateOptionsResult.Success;
        var errors = new List<string>();
        if (!TokenPattern().IsMatch(o.BotToken!))
            errors.Add($"{S}:BotToken does not look like a bot token (digits, ':', then letters, digits, '_' or '-').");
        if (!Uri.TryCreate(o.ApiBaseUrl, UriKind.Absolute, out var api) || (api.Scheme != "https" && api.Scheme != "http"))
            errors.Add($"{S}:ApiBaseUrl must be an absolute http(s) URL, got '{o.ApiBaseUrl}'.");
        if (o.PollTimeoutSeconds is < 0 or > 50)
            errors.Add($"{S}:PollTimeoutSeconds must be between 0 and 50, got {o.PollTimeoutSeconds}.");
        if (o.PollingLeaseSeconds <= o.PollTimeoutSeconds || o.PollingLeaseSeconds > 3600)
            errors.Add($"{S}:PollingLeaseSeconds must be longer than {S}:PollTimeoutSeconds ({o.PollTimeoutSeconds}) and at most 3600, got {o.PollingLeaseSeconds}.");
        if (o.PollLimit is < 1 or > 100)
            errors.Add($"{S}:PollLimit must be between 1 and 100, got {o.PollLimit}.");
        if (o.ParallelChats is < 1 or > 64)
            errors.Add($"{S}:ParallelChats must be between 1 and 64, got {o.ParallelChats}.");
        if (o.SecretToken is not null && !SecretPattern().IsMatch(o.SecretToken))
            errors.Add($"{S}:SecretToken must be 1–256 characters of A-Z, a-z, 0-9, '_' and '-'.");
        if (o.Mode == TelegramMode.Webhook && string.IsNullOrEmpty(o.SecretToken))
            errors.Add($"{S}:SecretToken is required when {S}:Mode is Webhook.");
        if (o.WebhookUrl is not null && (!Uri.TryCreate(o.WebhookUrl, UriKind.Absolute, out var hook) || hook.Scheme != "https"))
            errors.Add($"{S}:WebhookUrl must be an absolute https URL, got '{o.WebhookUrl}'.");
        var r = o.RateLimits;
        if (r.PerChatPerSecond <= 0 || r.PerGroupPerMinute <= 0 || r.GlobalPerSecond <= 0)
            errors.Add($"{S}:RateLimits values must be positive.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    [GeneratedRegex("^[0-9]+:[A-Za-z0-9_-]+$")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex SecretPattern();
}
