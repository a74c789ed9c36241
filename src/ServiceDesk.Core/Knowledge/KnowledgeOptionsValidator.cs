using Microsoft.Extensions.Options;

namespace ServiceDesk.Core.Knowledge;

public sealed class KnowledgeOptionsValidator : IValidateOptions<KnowledgeOptions>
{
    public ValidateOptionsResult Validate(string? name, KnowledgeOptions options)
    {
        var errors = new List<string>();
        if (options.SuggestTop is < 1 or > 10)
        {
            errors.Add($"Knowledge:SuggestTop must be between 1 and 10 (is {options.SuggestTop}).");
        }
        if (options.RefreshSeconds is < 1 or > 3600)
        {
            errors.Add($"Knowledge:RefreshSeconds must be between 1 and 3600 (is {options.RefreshSeconds}).");
        }
        if (options.SeedOnStart && string.IsNullOrWhiteSpace(options.Folder))
        {
            errors.Add("Knowledge:Folder must name the folder of articles to import on first start (or set Knowledge:SeedOnStart to false).");
        }
        if (!string.IsNullOrWhiteSpace(options.IndexPath) && options.IndexPath.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            errors.Add($"Knowledge:IndexPath '{options.IndexPath}' is not a valid file path.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
