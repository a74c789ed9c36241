using Microsoft.Extensions.Options;

namespace ServiceDesk.Core.Notifications;

/// <summary>Rejects bad <c>Outbox</c> settings at startup, naming the setting.</summary>
public sealed class OutboxOptionsValidator : IValidateOptions<OutboxOptions>
{
    public ValidateOptionsResult Validate(string? name, OutboxOptions o)
    {
        var errors = new List<string>();
        void Positive(string setting, TimeSpan value)
        {
            if (value <= TimeSpan.Zero) errors.Add($"Outbox:{setting} must be a positive duration, not '{value}'");
        }
        Positive(nameof(o.BaseDelay), o.BaseDelay);
        Positive(nameof(o.MaxDelay), o.MaxDelay);
        Positive(nameof(o.LeaseDuration), o.LeaseDuration);
        Positive(nameof(o.PollInterval), o.PollInterval);
        if (o.MaxDelay < o.BaseDelay) errors.Add($"Outbox:MaxDelay '{o.MaxDelay}' must not be shorter than Outbox:BaseDelay '{o.BaseDelay}'");
        if (o.MaxAttempts < 1) errors.Add($"Outbox:MaxAttempts must be at least 1, not {o.MaxAttempts}");
        if (o.BatchSize < 1) errors.Add($"Outbox:BatchSize must be at least 1, not {o.BatchSize}");
        if (o.Parallelism is < 1 or > 256) errors.Add($"Outbox:Parallelism must be between 1 and 256, not {o.Parallelism}");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
