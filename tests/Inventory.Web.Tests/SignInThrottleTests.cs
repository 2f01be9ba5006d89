using System.Net;
using Inventory.Web.Auth;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Inventory.Web.Tests;

public sealed class SignInThrottleTests
{
    private static readonly IPAddress Here = IPAddress.Parse("10.0.0.5");
    private static readonly IPAddress There = IPAddress.Parse("10.0.0.6");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.Zero));
    private readonly SignInThrottle _throttle;

    public SignInThrottleTests() =>
        _throttle = new SignInThrottle(Options.Create(new SignInThrottleOptions { MaxFailedLogins = 5, LockoutDuration = TimeSpan.FromMinutes(5) }), _time);

    [Fact]
    public void TryBegin_InFlightAttemptsCountTowardTheLimit()
    {
        var begun = Enumerable.Range(0, 10).Count(i => _throttle.TryBegin("admin", Here, out _, out _));

        Assert.Equal(5, begun);
    }

    [Fact]
    public void End_FifthFailure_LocksThePairForTheBaseDuration()
    {
        Fail("admin", Here, 5);

        Assert.False(_throttle.TryBegin("admin", Here, out _, out var wait));
        Assert.Equal(TimeSpan.FromMinutes(5), wait);
        Assert.True(_throttle.TryBegin("admin", There, out _, out _));
    }

    [Fact]
    public void End_FailureAfterALock_LocksForTwiceAsLong()
    {
        Fail("admin", Here, 5);
        _time.Advance(TimeSpan.FromMinutes(5));

        Fail("admin", Here, 1);

        Assert.False(_throttle.TryBegin("admin", Here, out _, out var wait));
        Assert.Equal(TimeSpan.FromMinutes(10), wait);
    }

    [Fact]
    public void End_ManyAddresses_SlowTheNameForOneBaseDurationOnly()
    {
        for (var i = 1; i <= 5; i++)
        {
            Fail("admin", IPAddress.Parse($"10.0.1.{i}"), 4);
        }

        Assert.False(_throttle.TryBegin("admin", There, out _, out var wait));
        Assert.Equal(TimeSpan.FromMinutes(5), wait);
        _time.Advance(wait);
        Assert.True(_throttle.TryBegin("admin", There, out _, out _));
    }

    [Fact]
    public void End_Success_ClearsTheCount()
    {
        Fail("admin", Here, 4);
        Assert.True(_throttle.TryBegin("admin", Here, out var attempt, out _));
        _throttle.End(attempt, succeeded: true);

        Fail("admin", Here, 4);

        Assert.True(_throttle.TryBegin("admin", Here, out _, out _));
    }

    [Fact]
    public void TryBegin_NamesDifferingInCase_ShareOneCount()
    {
        Fail("Admin", Here, 5);

        Assert.False(_throttle.TryBegin("admin", Here, out _, out _));
        Assert.True(_throttle.IsLocked("ADMIN"));
    }

    [Fact]
    public void TryBegin_ManyMadeUpNames_MemoryStaysBounded()
    {
        var small = new SignInThrottle(Options.Create(new SignInThrottleOptions { MaxTracked = 100 }), _time);
        for (var i = 0; i < 1000; i++)
        {
            Assert.True(small.TryBegin($"name-{i}", Here, out var attempt, out _));
            small.End(attempt, succeeded: false);
        }

        Assert.True(small.TryBegin("name-999", Here, out _, out _));
    }

    private void Fail(string username, IPAddress address, int times)
    {
        for (var i = 0; i < times; i++)
        {
            Assert.True(_throttle.TryBegin(username, address, out var attempt, out _));
            _throttle.End(attempt, succeeded: false);
        }
    }
}
