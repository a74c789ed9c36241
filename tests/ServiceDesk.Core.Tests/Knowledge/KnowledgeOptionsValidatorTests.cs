using ServiceDesk.Core.Knowledge;

namespace ServiceDesk.Core.Tests.Knowledge;

public sealed class KnowledgeOptionsValidatorTests
{
    private readonly KnowledgeOptionsValidator validator = new();

    [Fact]
    public void Validate_when_defaults_succeeds() => Assert.True(validator.Validate(null, new KnowledgeOptions()).Succeeded);

    [Theory]
    [InlineData(0, 30, "deploy/kb", "Knowledge:SuggestTop")]
    [InlineData(11, 30, "deploy/kb", "Knowledge:SuggestTop")]
    [InlineData(3, 0, "deploy/kb", "Knowledge:RefreshSeconds")]
    [InlineData(3, 30, "", "Knowledge:Folder")]
    public void Validate_when_a_setting_is_out_of_range_names_it(int top, int refresh, string folder, string setting)
    {
        var result = validator.Validate(null, new KnowledgeOptions { SuggestTop = top, RefreshSeconds = refresh, Folder = folder });
        Assert.True(result.Failed);
        Assert.Contains(setting, result.FailureMessage);
    }
}
