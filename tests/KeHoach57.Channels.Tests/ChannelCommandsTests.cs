using KeHoach57.Conversations.Channels;

namespace KeHoach57.Channels.Tests;

public sealed class ChannelCommandsTests
{
    [Theory]
    [InlineData("/start", ChannelCommandKind.Start, "")]
    [InlineData("/help", ChannelCommandKind.Help, "")]
    [InlineData("/nguon", ChannelCommandKind.Sources, "")]
    [InlineData("/phamvi", ChannelCommandKind.Scope, "")]
    [InlineData("/phamvi yen-hoa", ChannelCommandKind.Scope, "yen-hoa")]
    [InlineData("  /phamvi@kehoach57_bot   yen-hoa ", ChannelCommandKind.Scope, "yen-hoa")]
    [InlineData("/NGUON@KeHoach57_Bot", ChannelCommandKind.Sources, "")]
    [InlineData("/nguồn", ChannelCommandKind.Sources, "")]
    [InlineData("/phạmvi tinh-a", ChannelCommandKind.Scope, "tinh-a")]
    [InlineData("/xoa", ChannelCommandKind.Unknown, "xoa")]
    [InlineData("/help@other_bot", ChannelCommandKind.NotForMe, "")]
    public void Slash_commands(string text, ChannelCommandKind kind, string argument)
    {
        var command = ChannelCommands.Parse(text, "kehoach57_bot");
        Assert.Equal(kind, command.Kind);
        Assert.Equal(argument, command.Argument);
    }

    [Theory]
    [InlineData("nguồn", ChannelCommandKind.Sources, "")]
    [InlineData("Nguon", ChannelCommandKind.Sources, "")]
    [InlineData("xem nguồn?", ChannelCommandKind.Sources, "")]
    [InlineData("trợ giúp", ChannelCommandKind.Help, "")]
    [InlineData("TRO GIUP", ChannelCommandKind.Help, "")]
    [InlineData("Xin chào!", ChannelCommandKind.Start, "")]
    [InlineData("phạm vi", ChannelCommandKind.Scope, "")]
    [InlineData("pham vi yen-hoa", ChannelCommandKind.Scope, "yen-hoa")]
    [InlineData("Phạm vi  Yen-Hoa", ChannelCommandKind.Scope, "Yen-Hoa")]
    [InlineData("phạm vi tất cả", ChannelCommandKind.Scope, "tất cả")]
    public void Keywords_with_or_without_diacritics(string text, ChannelCommandKind kind, string argument)
    {
        var command = ChannelCommands.Parse(text);
        Assert.Equal(kind, command.Kind);
        Assert.Equal(argument, command.Argument);
    }

    [Theory]
    [InlineData("Phạm vi áp dụng của kế hoạch là gì?")]
    [InlineData("Nguồn kinh phí thực hiện lấy từ đâu?")]
    [InlineData("Hạn báo cáo 6 tháng là ngày nào?")]
    public void Questions_that_start_like_keywords_stay_questions(string text)
    {
        var command = ChannelCommands.Parse(text);
        Assert.Equal(ChannelCommandKind.Question, command.Kind);
        Assert.Equal(text, command.Argument);
    }

    [Theory]
    [InlineData("tất cả", true)]
    [InlineData("tat ca", true)]
    [InlineData("*", true)]
    [InlineData("yen-hoa", false)]
    [InlineData("", false)]
    public void Clearing_words(string argument, bool clears) => Assert.Equal(clears, ChannelCommands.MeansAllPlans(argument));
}
