using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServiceDesk.Core.Sla;

namespace ServiceDesk.Core.Tests.Sla;

public class SlaOptionsValidatorTests
{
    private static IServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddSla().BuildServiceProvider();
    }

    private static string ErrorsOf(Dictionary<string, string?> settings)
    {
        var ex = Assert.Throws<OptionsValidationException>(() => Build(settings).GetRequiredService<IOptions<SlaOptions>>().Value);
        return string.Join("\n", ex.Failures);
    }

    [Fact]
    public void AddSla_when_nothing_configured_gives_documented_defaults()
    {
        var catalog = Build([]).GetRequiredService<SlaPolicyCatalog>();
        Assert.Equal((TimeSpan.FromMinutes(15), TimeSpan.FromHours(4), "24x7"), (catalog.For("P1").FirstResponse, catalog.For("P1").Resolution, catalog.For("P1").Calendar.Name));
        Assert.Equal((TimeSpan.FromMinutes(30), TimeSpan.FromHours(8), "business"), (catalog.For("P2").FirstResponse, catalog.For("P2").Resolution, catalog.For("P2").Calendar.Name));
        Assert.Equal((TimeSpan.FromHours(2), TimeSpan.FromHours(24)), (catalog.For("P3").FirstResponse, catalog.For("P3").Resolution));
        Assert.Equal((TimeSpan.FromHours(8), TimeSpan.FromHours(40)), (catalog.For("P4").FirstResponse, catalog.For("P4").Resolution));
        Assert.Equal([0.5, 0.75], catalog.WarnAt);
        Assert.Equal(TimeSpan.FromMinutes(20), catalog.L1TimeBox);
        Assert.False(catalog.AutoEscalate);
        Assert.Equal(TimeZoneInfo.Utc.Id, catalog.Calendar("business").TimeZone.Id);
        Assert.Equal("09:00-18:00", Assert.Single(catalog.Calendar("business").RangesOn(DayOfWeek.Friday)).ToString());
        Assert.Empty(catalog.Calendar("business").RangesOn(DayOfWeek.Saturday));
    }

    [Fact]
    public void AddSla_when_partly_configured_replaces_only_given_values()
    {
        var catalog = Build(new()
        {
            ["Sla:Policies:P2:Resolution"] = "12:00:00",
            ["Sla:Calendars:business:TimeZone"] = "Europe/Warsaw",
            ["Sla:Calendars:business:WorkingHours:Monday:0"] = "08:00-12:00",
            ["Sla:Calendars:business:WorkingHours:Monday:1"] = "13:00-17:00",
            ["Sla:Calendars:business:Holidays:0"] = "2026-12-24",
            ["Sla:WarnAt:0"] = "0.9",
            ["Sla:AutoEscalate"] = "true",
        }).GetRequiredService<SlaPolicyCatalog>();
        Assert.Equal(TimeSpan.FromHours(12), catalog.For("P2").Resolution);
        Assert.Equal(TimeSpan.FromMinutes(30), catalog.For("P2").FirstResponse);
        Assert.Equal(["08:00-12:00", "13:00-17:00"], catalog.Calendar("business").RangesOn(DayOfWeek.Monday).Select(r => r.ToString()));
        Assert.Empty(catalog.Calendar("business").RangesOn(DayOfWeek.Tuesday));
        Assert.True(catalog.Calendar("business").IsHoliday(new DateOnly(2026, 12, 24)));
        Assert.Equal([0.9], catalog.WarnAt);
        Assert.True(catalog.AutoEscalate);
    }

    [Fact]
    public void Validate_when_time_zone_unknown_names_the_setting()
    {
        var errors = ErrorsOf(new() { ["Sla:Calendars:business:TimeZone"] = "Mars/Base" });
        Assert.Contains("Sla:Calendars:business:TimeZone 'Mars/Base' is not a known IANA time zone", errors);
    }

    [Fact]
    public void Validate_when_working_hours_overlap_names_the_day()
    {
        var errors = ErrorsOf(new()
        {
            ["Sla:Calendars:business:WorkingHours:Tuesday:0"] = "09:00-13:00",
            ["Sla:Calendars:business:WorkingHours:Tuesday:1"] = "12:00-18:00",
        });
        Assert.Contains("Sla:Calendars:business:WorkingHours:Tuesday ranges '09:00-13:00' and '12:00-18:00' overlap", errors);
    }

    [Theory]
    [InlineData("9-18")]
    [InlineData("18:00-09:00")]
    [InlineData("09:00-25:00")]
    public void Validate_when_range_malformed_names_its_index(string range)
    {
        var errors = ErrorsOf(new() { ["Sla:Calendars:business:WorkingHours:Monday:0"] = range });
        Assert.Contains($"Sla:Calendars:business:WorkingHours:Monday:0 '{range}'", errors);
    }

    [Fact]
    public void Validate_when_day_name_unknown_names_it()
    {
        var errors = ErrorsOf(new() { ["Sla:Calendars:business:WorkingHours:Funday:0"] = "09:00-10:00" });
        Assert.Contains("Sla:Calendars:business:WorkingHours:Funday is not a day of the week", errors);
    }

    [Theory]
    [InlineData("FirstResponse", "-00:10:00")]
    [InlineData("Resolution", "00:00:00")]
    public void Validate_when_target_not_positive_names_it(string field, string value)
    {
        var errors = ErrorsOf(new() { [$"Sla:Policies:P3:{field}"] = value });
        Assert.Contains($"Sla:Policies:P3:{field} must be a positive duration", errors);
    }

    [Fact]
    public void Validate_when_calendar_unknown_names_the_policy()
    {
        var errors = ErrorsOf(new() { ["Sla:Policies:P4:Calendar"] = "weekends" });
        Assert.Contains("Sla:Policies:P4:Calendar 'weekends' is not a calendar defined under Sla:Calendars", errors);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1")]
    [InlineData("1.5")]
    public void Validate_when_warning_fraction_out_of_range_names_it(string value)
    {
        var errors = ErrorsOf(new() { ["Sla:WarnAt:0"] = "0.5", ["Sla:WarnAt:1"] = value });
        Assert.Contains("Sla:WarnAt:1", errors);
        Assert.DoesNotContain("Sla:WarnAt:0", errors);
    }

    [Fact]
    public void Validate_when_priority_unknown_or_holiday_malformed_reports_both()
    {
        var errors = ErrorsOf(new()
        {
            ["Sla:Policies:P9:FirstResponse"] = "01:00:00",
            ["Sla:Calendars:business:Holidays:0"] = "Christmas",
        });
        Assert.Contains("Sla:Policies:P9 is not a priority", errors);
        Assert.Contains("Sla:Calendars:business:Holidays:0 'Christmas' is not a date", errors);
    }

    [Fact]
    public void ValidateOnStart_when_configuration_bad_stops_the_host()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Sla:Policies:P2:Resolution"] = "-01:00:00" }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddSla().AddOptions().BuildServiceProvider();
        var startupValidator = services.GetRequiredService<IStartupValidator>();
        var ex = Assert.Throws<OptionsValidationException>(startupValidator.Validate);
        Assert.Contains("Sla:Policies:P2:Resolution", ex.Message);
    }
}
