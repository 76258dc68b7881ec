using Microsoft.Extensions.Configuration;
using UzumBot.Hosting;

namespace UzumBot.Tests.Hosting;

public sealed class CommandLineTests
{
    [Fact]
    public void No_arguments_run_the_bot_and_configuration_arguments_pass_through()
    {
        var line = CommandLine.Parse(["--Storage:Path=x.db"]);
        Assert.Equal(RunMode.Bot, line.Mode);
        Assert.Equal(["--Storage:Path=x.db"], line.ConfigArgs);
    }

    [Fact]
    public void The_documented_commands_parse()
    {
        Assert.Equal(RunMode.Demo, CommandLine.Parse(["--demo"]).Mode);
        var sandbox = CommandLine.Parse(["sandbox", "--urls", "http://127.0.0.1:5099"]);
        Assert.Equal((RunMode.Sandbox, "http://127.0.0.1:5099"), (sandbox.Mode, sandbox.Urls));
        Assert.Equal("http://127.0.0.1:5080", CommandLine.Parse(["sandbox"]).Urls);
        Assert.Equal(RunMode.Bot, CommandLine.Parse(["--Uzum:BaseUrl", "http://127.0.0.1:5080"]).Mode);
        var codes = CommandLine.Parse(["codes", "create", "--role", "owner", "--uses", "3", "--days", "14"]);
        Assert.Equal((RunMode.CreateCode, 3, 14), (codes.Mode, codes.Uses, codes.Days));
    }

    [Theory]
    [InlineData("codes", "create", "--role", "manager")]
    [InlineData("codes", "create")]
    [InlineData("codes", "create", "--role", "owner", "--role", "viewer")]
    [InlineData("codes", "create", "--role", "owner", "extra")]
    [InlineData("--dmeo")]
    [InlineData("--bogus")]
    [InlineData("--demo", "--verbose")]
    [InlineData("codes", "create", "--uses", "0")]
    [InlineData("codes", "create", "--days", "many")]
    [InlineData("codes", "delete")]
    [InlineData("frobnicate")]
    public void Wrong_commands_are_refused_with_a_reason(params string[] args)
    {
        var line = CommandLine.Parse(args);
        Assert.Equal(RunMode.Help, line.Mode);
        Assert.False(string.IsNullOrWhiteSpace(line.Error));
    }

    [Fact]
    public void Malformed_configuration_is_named_key_by_key()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Telegram:ApiBaseUrl"] = "not a url",
            ["Uzum:BaseUrl"] = "ftp://x",
            ["Security:Pepper"] = "c2hvcnQ=",
            ["Bot:AdminIds:0"] = "alice",
        }).Build();
        var problems = string.Join('\n', ConfigurationCheck.Problems(config, demo: false));
        foreach (var key in new[] { "Telegram:BotToken", "Telegram:ApiBaseUrl", "Uzum:BaseUrl", "Security:Pepper", "Bot:AdminIds" })
            Assert.Contains(key, problems);
        Assert.DoesNotContain("c2hvcnQ=", problems);
    }
}
