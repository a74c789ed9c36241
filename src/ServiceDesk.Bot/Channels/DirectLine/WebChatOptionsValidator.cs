using Microsoft.Extensions.Options;

namespace ServiceDesk.Bot.Channels.DirectLine;

/// <summary>Checks <c>Channels:WebChat</c> at startup; each failure names the setting.</summary>
public sealed class WebChatOptionsValidator : IValidateOptions<WebChatOptions>
{
    public ValidateOptionsResult Validate(string? name, WebChatOptions options)
    {
        var failures = new List<string>();
        const string p = WebChatOptions.Section;
        if (options.DirectLineSecret is { } secret && secret.Length > 0 && secret.Length < 16)
            failures.Add($"{p}:DirectLineSecret must be at least 16 characters (or empty to run open on localhost).");
        if (options.TokenLifetime < TimeSpan.FromMinutes(1) || options.TokenLifetime > TimeSpan.FromDays(1))
            failures.Add($"{p}:TokenLifetime must be between 00:01:00 and 1.00:00:00 (was {options.TokenLifetime}).");
        if (options.MaxBodyBytes < 1024 || options.MaxBodyBytes > 16 * 1024 * 1024)
            failures.Add($"{p}:MaxBodyBytes must be between 1024 and 16777216 (was {options.MaxBodyBytes}).");
        if (options.MaxActivitiesPerRead is < 1 or > 10_000)
            failures.Add($"{p}:MaxActivitiesPerRead must be between 1 and 10000 (was {options.MaxActivitiesPerRead}).");
        if (options.MaxTextLength is < 1 or > 1_000_000)
            failures.Add($"{p}:MaxTextLength must be between 1 and 1000000 (was {options.MaxTextLength}).");
        if (options.StreamPollInterval < TimeSpan.FromMilliseconds(50) || options.StreamPollInterval > TimeSpan.FromMinutes(1))
            failures.Add($"{p}:StreamPollInterval must be between 00:00:00.05 and 00:01:00 (was {options.StreamPollInterval}).");
        if (!DirectLineIds.IsValidAccountId(options.BotId))
            failures.Add($"{p}:BotId '{options.BotId}' must be 1-64 letters, digits, '.', '_', '-' or '@'.");
        if (string.IsNullOrWhiteSpace(options.BotName))
            failures.Add($"{p}:BotName must not be empty.");
        for (var i = 0; i < options.Rooms.Count; i++)
        {
            if (!DirectLineIds.IsValidAccountId(options.Rooms[i]))
                failures.Add($"{p}:Rooms:{i} '{options.Rooms[i]}' must be 1-64 letters, digits, '.', '_', '-' or '@'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
