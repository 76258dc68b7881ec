using System.Security.Cryptography;
using UzumBot.Hosting;
using UzumBot.Security;

namespace UzumBot.Tests.Security;

public sealed class ServerPepperTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "uzumbot-pepper-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void Creates_an_owner_only_file_once_and_reuses_it()
    {
        var path = Path.Combine(_dir, "nested", "pepper.key");
        var options = new SecurityOptions { PepperPath = path };

        var first = ServerPepper.Load(options);
        Assert.True(File.Exists(path));
        Assert.Equal(ServerPepper.Length, new FileInfo(path).Length);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!)); // no temp file left behind
        var bytes = File.ReadAllBytes(path);

        var second = ServerPepper.Load(options);
        Assert.Equal(bytes, File.ReadAllBytes(path));
        AssertSamePepper(first, second);
    }

    [Fact]
    public void Different_files_give_different_peppers()
    {
        var a = ServerPepper.Load(new SecurityOptions { PepperPath = Path.Combine(_dir, "a.key") });
        var b = ServerPepper.Load(new SecurityOptions { PepperPath = Path.Combine(_dir, "b.key") });
        Assert.NotEqual(new TokenFingerprint(a).Compute("some-token-value"), new TokenFingerprint(b).Compute("some-token-value"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(16)]
    [InlineData(33)]
    public void A_pepper_file_of_the_wrong_size_is_a_clear_error(int size)
    {
        Directory.CreateDirectory(_dir);
        var path = Path.Combine(_dir, "pepper.key");
        File.WriteAllBytes(path, new byte[size]);
        var ex = Assert.Throws<InvalidOperationException>(() => ServerPepper.Load(new SecurityOptions { PepperPath = path }));
        Assert.Contains("Security:PepperPath", ex.Message);
        Assert.Contains("32", ex.Message);
        Assert.Equal(size, new FileInfo(path).Length); // never overwritten
    }

    [Fact]
    public void Configured_base64_pepper_overrides_the_file()
    {
        var bytes = RandomNumberGenerator.GetBytes(48);
        var path = Path.Combine(_dir, "pepper.key");
        var fromOption = ServerPepper.Load(new SecurityOptions { Pepper = Convert.ToBase64String(bytes), PepperPath = path });
        Assert.False(File.Exists(path));
        AssertSamePepper(fromOption, ServerPepper.FromBytes(bytes));
    }

    [Theory]
    [InlineData("not base64 at all!!")]
    [InlineData("c2hvcnQ=")] // "short": valid base64, too few bytes
    public void Malformed_configured_pepper_names_the_setting(string value)
    {
        var ex = Assert.Throws<InvalidOperationException>(() => ServerPepper.Load(new SecurityOptions { Pepper = value, PepperPath = Path.Combine(_dir, "p.key") }));
        Assert.Contains("Security:Pepper", ex.Message);
        Assert.DoesNotContain(value, ex.Message);
    }

    private static void AssertSamePepper(ServerPepper a, ServerPepper b) =>
        Assert.Equal(new TokenFingerprint(a).Compute("some-token-value"), new TokenFingerprint(b).Compute("some-token-value"));
}
