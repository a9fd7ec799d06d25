using KeHoach57.Answering.Asks;
using KeHoach57.Core.Answers;

namespace KeHoach57.Answering.Tests.Asks;

/// <summary>Each kind of ask reads only valid values of its answer type out of a clause.</summary>
public class AskHandlerTests(AnsweringFixture fixture)
{
    private List<Candidate> Read(AskKind kind, string question, string clause, string? context = null, string section = "III. Tổ chức thực hiện › 1. Phòng Văn hóa - Xã hội") =>
        fixture.Get<AskRegistry>().For(kind).Read(AnsweringFixture.Clause(clause, section, context), fixture.Read(question)).ToList();

    private Candidate Best(AskKind kind, string question, string clause, string? context = null) =>
        Read(kind, question, clause, context).MaxBy(c => c.Strength)!;

    [Fact]
    public void Hạn_của_kỳ_báo_cáo_được_hỏi_chứ_không_phải_kỳ_bên_cạnh()
    {
        const string clause = "bao cdo Quy trudc ngay 10 thang cudi Quy, bao cdo 6 thang trudc ngay 10/6, bao cao nim trudc ngay 30/11";
        Assert.Contains("10/6", Best(AskKind.Deadline, "Báo cáo 6 tháng gửi trước ngày nào?", clause).Display);
        Assert.Contains("30/11", Best(AskKind.Deadline, "Báo cáo năm gửi trước ngày nào?", clause).Display);
        Assert.Contains("cuối quý", Best(AskKind.Deadline, "Báo cáo quý gửi trước ngày nào?", clause).Display);
    }

    [Fact]
    public void Kỳ_báo_cáo_có_tên_dài_vẫn_là_kỳ_của_ngày_hạn_theo_sau()
    {
        // Seventy letters between "6 tháng" and its date: the report is named at length, and the date is still its own.
        const string clause = "Định kỳ 6 tháng báo cáo kết quả thực hiện về Sở Khoa học và Công nghệ trước ngày 15 tháng 6; "
            + "hằng năm gửi báo cáo tổng kết trước ngày 01 tháng 12.";
        var sixMonths = Read(AskKind.Deadline, "Hạn báo cáo 6 tháng là ngày nào?", clause);
        var own = sixMonths.Single(c => c.Display.EndsWith("15/6"));
        // The part after ";" names its own report: the half-year is not carried over to it.
        var next = sixMonths.Single(c => c.Display.EndsWith("1/12"));
        Assert.True(own.Strength > next.Strength, string.Join(", ", sixMonths.Select(c => $"{c.Display} {c.Strength}")));
    }

    [Fact]
    public void Hạn_không_phải_tần_suất() =>
        Assert.DoesNotContain(Read(AskKind.Deadline, "Hạn hoàn thành khi nào?", "Hoàn thành trong quý II/2025; báo cáo hằng năm."),
            c => c.Display == "hằng năm" && c.Strength >= 1);

    [Fact]
    public void Câu_đã_có_ngày_hạn_thì_chữ_hằng_năm_chỉ_là_nhãn_của_ngày_đó()
    {
        const string clause = "dinh ky 6 thang (trwdc ngay 05/6) va hing nam (truwéc ngay 25/11) bao cdo UBND tinh két qua thuc hién";
        var values = Read(AskKind.Deadline, "Báo cáo năm gửi trước ngày nào?", clause);
        Assert.DoesNotContain(values, c => c.Display == "hằng năm");
        Assert.Contains("25/11", values.MaxBy(c => c.Strength)!.Display);
    }

    [Fact]
    public void Hỏi_hạn_báo_cáo_quý_thì_một_quý_làm_hạn_không_phải_là_báo_cáo_quý()
    {
        const string clause = "Xay dung ké hoach trién khai; hoan thanh trong quy 11/2025; bao céo két qua vé S Khoa hoc va Cong nghé";
        var quarter = Read(AskKind.Deadline, "Báo cáo quý gửi trước ngày nào?", clause).Single();
        var unasked = Read(AskKind.Deadline, "Hạn hoàn thành khi nào?", clause).Single();
        Assert.True(quarter.Strength < unasked.Strength);
    }

    [Fact]
    public void Ngày_hằng_tháng_tự_nêu_kỳ_báo_cáo_của_nó() =>
        Assert.Equal("ngày 10 hằng tháng", Best(AskKind.Deadline, "Hạn báo cáo hằng tháng là ngày nào?",
            "dinh ky hang thang, 3 thang, 6 thang, 1 nim bao céo UBND (thdng qua Phong Vin hoa - Xa hoi) két qua thuc hién trude ngay 10 hang thang").Display);

    [Fact]
    public void Đơn_vị_đứng_đầu_câu_chủ_trì_còn_đơn_vị_phối_hợp_thì_không()
    {
        var lead = Best(AskKind.LeadUnit, "Sở nào chủ trì bảo đảm kinh phí?", "Sở Tài chính chủ trì, phối hợp với Sở Khoa học và Công nghệ bảo đảm kinh phí thực hiện.");
        Assert.Equal("Sở Tài chính", lead.Display);
        var co = Best(AskKind.CoUnits, "Phối hợp với sở nào?", "Sở Tài chính chủ trì, phối hợp với Sở Khoa học và Công nghệ bảo đảm kinh phí thực hiện.");
        Assert.Equal("Sở Khoa học và Công nghệ", co.Display);
    }

    [Fact]
    public void Nơi_nhận_báo_cáo_không_phải_đơn_vị_chủ_trì()
    {
        const string clause = "Các sở, ngành định kỳ báo cáo UBND tỉnh (qua Sở Khoa học và Công nghệ) kết quả thực hiện.";
        Assert.Contains("Khoa học và Công nghệ", Best(AskKind.Recipient, "Báo cáo nộp về sở nào để tổng hợp?", clause).Display);
    }

    [Fact]
    public void Cơ_quan_ban_hành_văn_bản_được_dẫn_không_phải_đơn_vị_được_giao_việc()
    {
        const string clause = "Trên cơ sở Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị, các sở, ban, ngành, UBND cấp huyện xây dựng kế hoạch chi tiết.";
        var lead = Best(AskKind.LeadUnit, "Cơ quan nào xây dựng kế hoạch chi tiết?", clause);
        Assert.DoesNotContain("Bộ Chính trị", lead.Display);
        Assert.True(Read(AskKind.LeadUnit, "Cơ quan nào xây dựng kế hoạch chi tiết?", clause).Single(c => c.Display == "Bộ Chính trị").Strength < lead.Strength);
    }

    [Fact]
    public void Chữ_của_không_sau_số_hiệu_văn_bản_thì_không_làm_đơn_vị_thành_cơ_quan_ban_hành() =>
        Assert.Contains(Read(AskKind.LeadUnit, "Ai chủ trì?", "Nhiệm vụ của Sở Khoa học và Công nghệ là chủ trì tổng hợp."),
            c => c.Display.Contains("Khoa học và Công nghệ") && c.Strength >= 1);

    [Fact]
    public void Câu_chỉ_nêu_nơi_nhận_báo_cáo_thì_đơn_vị_ở_tiêu_đề_mục_chủ_trì()
    {
        // Under "1. Phòng Văn hóa - Xã hội", a task that ends "gửi Sở Khoa học và Công nghệ tổng hợp" is the Phòng's:
        // the Sở receives the report, it leads nothing here.
        var lead = Best(AskKind.LeadUnit, "Cơ quan nào báo cáo kết quả thực hiện hằng tháng?",
            "Báo cáo kết quả thực hiện hằng tháng trước ngày 20 hằng tháng, gửi Sở Khoa học và Công nghệ tổng hợp.");
        Assert.Equal("Phòng Văn hóa - Xã hội", lead.Display);
        Assert.NotNull(lead.FromHeading);
    }

    [Fact]
    public void Đơn_vị_viết_OCR_vẫn_in_tên_đúng()
    {
        var lead = Best(AskKind.LeadUnit, "Phòng nào tham mưu kinh phí?", "Phong Kinh té: Chu tri, phdi hop voi phong Vin hoa - X& hoi tham muu kinh phi.");
        Assert.Equal("Phòng Kinh tế", lead.Display);
    }

    [Fact]
    public void Nhãn_đầu_câu_là_cơ_quan_dù_danh_bạ_không_có()
    {
        var lead = Best(AskKind.LeadUnit, "Cơ quan nào kiểm tra, xử lý vi phạm?", "Uy ban Kim tra: Phối hợp tổ chức kiểm tra, xử lý vi phạm.");
        Assert.StartsWith("Ủy ban Kiểm tra", lead.Display);
    }

    [Fact]
    public void Hỏi_phần_trăm_thì_chỉ_con_số_phần_trăm_trả_lời()
    {
        var figures = Read(AskKind.Figure, "Tỷ lệ hồ sơ số hóa là bao nhiêu phần trăm?", "Năm 2025 có 19 xã; 95% hồ sơ được số hóa.");
        Assert.All(figures, f => Assert.Contains("%", f.Display));
    }

    [Fact]
    public void Con_số_kèm_đơn_vị_nó_đo()
    {
        Assert.Equal("trên 01 Gbps", Best(AskKind.Figure, "Tốc độ trên bao nhiêu?", "Truy cập băng rộng với tốc độ trên 01 Gbps.").Display);
        Assert.Equal("2% GRDP", Best(AskKind.Figure, "Tỷ lệ chi đạt bao nhiêu % GRDP?", "Tỷ lệ chi cho khoa học đạt 2% GRDP.").Display);
    }

    [Fact]
    public void Bảng_chỉ_tiêu_lấy_cột_năm_được_hỏi()
    {
        const string header = "Phụ lục I\nSTT | Tên chỉ tiêu | Đơn vị | 2025 2030 2035 2040 2045";
        var cell = Best(AskKind.Figure, "Năm 2035 tỷ lệ này là bao nhiêu?", "Tỷ lệ dân số có chữ ký số % 10 20 30 40 50", header);
        Assert.StartsWith("30%", cell.Display);
        Assert.Contains("2035", cell.Display);
    }

    [Fact]
    public void Hỏi_ra_sao_về_một_năm_của_dòng_bảng_chỉ_tiêu_thì_trả_lời_ô_của_năm_đó()
    {
        // A "how is it set" question reads the row as a whole; the row says for that year only its cell.
        const string header = "Phụ lục I\nSTT | Tên chỉ tiêu | Đơn vị | 2025 2030 2035 2040 2045";
        var best = Best(AskKind.Fact, "Mục tiêu phủ sóng 6G trên địa bàn được đặt ra sao vào năm 2045?", "9.3 Tỷ lệ phủ sóng 6G trên địa bàn % dân số - - 50 80 100", header);
        Assert.StartsWith("100%", best.Display);
        Assert.Equal(AskKind.Fact, best.Kind);
    }

    [Fact]
    public void Danh_sách_bắt_đầu_từ_chính_những_từ_câu_hỏi_dẫn()
    {
        var items = Best(AskKind.List, "Mạng 5G được triển khai tại những khu nào?", "Triển khai mạng 5G tại các khu công nghiệp, khu đô thị.");
        Assert.Contains("khu công nghiệp, khu đô thị", items.Display);
    }

    [Fact]
    public void Từ_dẫn_ngay_sau_những_từ_câu_hỏi_dẫn_mở_đầu_danh_sách()
    {
        var items = Best(AskKind.List, "Xã ưu tiên những ngành trọng điểm nào?",
            "Ưu tiên chuyển đổi số trong các ngành trọng điểm như nông nghiệp, du lịch, y tế.");
        Assert.Equal("nông nghiệp, du lịch, y tế", items.Display);
    }

    [Fact]
    public void Danh_sách_trong_ngoặc()
    {
        var items = Read(AskKind.List, "Mở rộng băng thông rộng bằng những loại nào?", "Mở rộng phủ sóng băng thông rộng (4G, 5G, cáp quang) đến vùng núi.");
        Assert.Contains(items, c => c.Display == "4G, 5G, cáp quang");
    }

    [Fact]
    public void Một_dãy_mốc_thời_gian_không_phải_danh_sách_điều_được_hỏi()
    {
        // "(năm 2030, tầm nhìn 2045)" says when, not which technologies; the items after the colon are the answer.
        var items = Read(AskKind.List, "Tỉnh muốn đi đầu những công nghệ nào?",
            "Mục tiêu (năm 2030, tầm nhìn 2045): đi đầu về robot, vật liệu mới, công nghệ sinh học.");
        Assert.DoesNotContain(items, c => c.Display.Contains("2045"));
        Assert.Contains(items, c => c.Display.StartsWith("đi đầu về robot"));
    }

    [Fact]
    public void Dãy_mốc_thời_gian_là_câu_trả_lời_khi_câu_hỏi_hỏi_những_mốc_năm_nào()
    {
        var items = Read(AskKind.List, "Kế hoạch có tầm nhìn đến những mốc năm nào?", "Kế hoạch có tầm nhìn dài hạn (đến 2030, 2035, 2040, 2045).");
        Assert.Contains(items, c => c.Display == "đến 2030, 2035, 2040, 2045");
    }

    [Fact]
    public void Số_văn_bản_được_chọn_theo_điều_viết_sau_nó()
    {
        const string clause = "Thực hiện Kế hoạch số 359-KH/TU ngày 29/4/2025 của Ban Thường vụ Tỉnh ủy và Kế hoạch số 03-KH/ĐU ngày 17/7/2025 của Ban Thường vụ Đảng ủy xã.";
        var refs = Read(AskKind.DocumentRef, "Kế hoạch của Ban Thường vụ Đảng ủy xã là số mấy?", clause);
        var about = refs.Single(r => r.Display.StartsWith("03-KH")).About!.Value;
        Assert.Contains("Đảng ủy", clause[about.Start..about.End]);
        Assert.DoesNotContain("Tỉnh ủy", clause[about.Start..about.End]);
        Assert.Contains("17/7/2025", refs.Single(r => r.Display.StartsWith("03-KH")).Display);
    }

    [Fact]
    public void Hỏi_số_và_ngày_của_văn_bản_thì_ngày_của_văn_bản_câu_hỏi_nêu_tên_không_phải_câu_trả_lời()
    {
        const string clause = "Kế hoạch hành động số 03-KH/ĐU ngày 17/7/2025 của Ban Thường vụ Đảng ủy xã thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị.";
        var dates = Read(AskKind.Date, "Kế hoạch hành động của Đảng ủy xã thực hiện NQ 57-NQ/TW là số mấy, ban hành ngày nào?", clause).Select(c => c.Display).ToList();
        Assert.Contains(dates, d => d.Contains("17/7/2025"));
        Assert.DoesNotContain(dates, d => d.Contains("22/12/2024"));
        // Asked only for its date, the document the question names is the one asked about.
        Assert.Contains(Read(AskKind.Date, "Nghị quyết 57-NQ/TW ban hành ngày nào?", clause), c => c.Display.Contains("22/12/2024"));
    }

    [Fact]
    public void Tần_suất_liệt_kê_cùng_nhau_trả_lời_cùng_nhau() =>
        Assert.Contains("01 năm, 05 năm", string.Join(" | ", Read(AskKind.Frequency, "Sơ kết, tổng kết mấy năm một lần?", "Định kỳ 01 năm, 05 năm tổ chức sơ kết, tổng kết.").Select(c => c.Display)));

    [Fact]
    public void Tên_riêng_viết_sau_danh_từ_được_hỏi() =>
        Assert.Contains(Read(AskKind.Fact, "Kêu gọi đầu tư vào khu CNTT tập trung nào?", "Kêu gọi đầu tư vào khu công nghệ thông tin tập trung Yên Bình, hạ tầng hiện đại."),
            c => c.Display.EndsWith("Yên Bình"));

    [Fact]
    public void Kế_hoạch_không_có_số_điện_thoại_thì_không_có_gì_để_trả_lời() =>
        Assert.Empty(Read(AskKind.Contact, "Số điện thoại của Phòng Văn hóa - Xã hội?", "Phòng Văn hóa - Xã hội chủ trì, phối hợp với các phòng, ban."));

    [Fact]
    public void Số_tiền_phải_có_đơn_vị_tiền()
    {
        Assert.Empty(Read(AskKind.Money, "Kinh phí bao nhiêu tỷ đồng?", "Phấn đấu 100% cán bộ được bồi dưỡng."));
        Assert.Contains(Read(AskKind.Money, "Kinh phí bao nhiêu tỷ đồng?", "Tổng kinh phí dự kiến 12,5 tỷ đồng từ ngân sách."), c => c.Display.Contains("12,5 tỷ đồng"));
    }

    [Fact]
    public void Người_hoặc_chức_danh() =>
        Assert.Contains(Read(AskKind.Person, "Ai làm trưởng ban?", "Chủ tịch UBND xã làm Trưởng ban chỉ đạo."), c => c.Display.StartsWith("Chủ tịch UBND"));

    [Fact]
    public void Chức_danh_đọc_hết_tên_cơ_quan_kể_cả_chữ_thường() =>
        // Capitals alone stopped at "Chu tich Uy" and the answer was "Chủ tịch Ủy".
        Assert.Contains(Read(AskKind.Person, "Ai chỉ đạo thực hiện?", "Chu tich Uy ban nhan dan huyén, thi x3, thanh phd: Chi dao thuc hién."),
            c => c.Display == "Chu tich Uy ban nhan dan huyén");

    [Fact]
    public void Bí_thư_trong_tên_Ban_Bí_thư_không_phải_chức_danh() =>
        Assert.DoesNotContain(Read(AskKind.Person, "Ai ban hành chương trình?", "Theo chương trình làm việc của Bộ Chính trị, Ban Bí thư, Quốc hội."),
            c => c.Display.StartsWith("Bí thư"));

    [Theory]
    [InlineData("Phòng nào theo dõi, đôn đốc việc thực hiện?", true)]
    [InlineData("sở, phòng nào theo dõi, đôn đốc việc thực hiện?", false)]
    [InlineData("Cơ quan nào theo dõi, đôn đốc việc thực hiện?", false)]
    [InlineData("Sở nào theo dõi, đôn đốc việc thực hiện?", false)]
    [InlineData("Văn phòng nào theo dõi, đôn đốc việc thực hiện?", true)]
    [InlineData("Cơ quan cấp tỉnh nào theo dõi, đôn đốc việc thực hiện?", false)]
    public void Hỏi_phòng_nào_thì_một_Sở_không_phải_câu_trả_lời(string question, bool offKind)
    {
        var units = Read(AskKind.LeadUnit, question, "Sở Khoa học và Công nghệ theo dõi, đôn đốc việc thực hiện Kế hoạch.", section: "IV. Tổ chức thực hiện");
        var unit = Assert.Single(units, c => c.Display == "Sở Khoa học và Công nghệ");
        Assert.Equal(offKind, unit.OffKind);
    }
}

/// <summary>A rate ("15 người … trên 01 vạn dân") answers a question that names its base, not one asking how many in all.</summary>
public class FigureAskRateTests(AnsweringFixture fixture)
{
    private const string Clause = "Có từ 15 người thực hiện công tác nghiên cứu khoa học, phát triển công nghệ trên 01 vạn dân.";

    private double Strength(string question) =>
        fixture.Get<AskRegistry>().For(AskKind.Figure).Read(AnsweringFixture.Clause(Clause, "III. Mục tiêu"), fixture.Read(question))
            .Single(c => c.Display.StartsWith("15")).Strength;

    [Fact]
    public void Tỷ_lệ_không_trả_lời_câu_hỏi_tổng_số() =>
        Assert.True(Strength("Số cán bộ nghiên cứu khoa học của toàn tỉnh là bao nhiêu người?") < 1);

    [Fact]
    public void Tỷ_lệ_trả_lời_câu_hỏi_nêu_mẫu_số() =>
        Assert.Equal(1, Strength("Bao nhiêu người nghiên cứu khoa học trên 1 vạn dân?"));
}

/// <summary>What FactAsk reads as a name: whole words only, and names in quotes as the list the clause says them in.</summary>
public class FactAskNameTests(AnsweringFixture fixture)
{
    private List<Candidate> Read(string question, string clause) =>
        fixture.Get<AskRegistry>().For(AskKind.Fact).Read(AnsweringFixture.Clause(clause, "II. Nhiệm vụ"), fixture.Read(question)).ToList();

    [Fact]
    public void Tên_dừng_giữa_một_chữ_bị_OCR_làm_hỏng_không_phải_là_tên()
    {
        // "x{r" is OCR's "xử": "quy tắc Ung x" is the name's first letters, not the name; the clause's own words answer.
        var values = Read("Xã ban hành quy tắc gì cho cán bộ, công chức, viên chức?",
            "Ban hanh quy tic Ung x{r trén moi truong sd cho can bo, cong chirc, vién chtrc.");
        Assert.DoesNotContain(values, c => c.Display.EndsWith("Ung x"));
        Assert.Contains(values, c => c.Display.Contains("trén moi truong sd"));
    }

    [Fact]
    public void Tên_viết_hoa_trọn_chữ_vẫn_được_đọc_sau_từ_được_hỏi() =>
        Assert.Contains(Read("Tỉnh xây dựng khu công nghệ thông tin tập trung nào?",
                "Xây dựng khu công nghệ thông tin tập trung Yên Bình, thu hút doanh nghiệp công nghệ số."),
            c => c.Display.EndsWith("Yên Bình") && c.Strength > 1);

    [Theory]
    [InlineData("Triển khai phong trào “Học tập số”, “Bình dân học vụ số” để phổ cập kiến thức số.", "Học tập số, Bình dân học vụ số")]
    [InlineData("Triển khai phong trào \"Học tập số\" và \"Bình dân học vụ số\" để phổ cập kiến thức số.", "Học tập số, Bình dân học vụ số")]
    // OCR lost the first closing quote: the quote after the space opens the second name.
    [InlineData("Trién khai sdu rong phong trao \"Hoc tap s6, \"Binh dan hoc vu s6\" dé pho cap kién thirc so.", "Hoc tap s6, Binh dan hoc vu s6")]
    public void Các_tên_trong_ngoặc_kép_nói_liền_nhau_là_một_câu_trả_lời(string clause, string names) =>
        Assert.Contains(Read("Xã có phong trào gì để phổ cập kiến thức số?", clause), c => c.Display == names);

    [Fact]
    public void Tên_trong_ngoặc_kép_cách_xa_nhau_là_hai_giá_trị()
    {
        var values = Read("Xã có phong trào gì?", "Phát động phong trào “Học tập số” trong toàn xã; xây dựng mô hình “Chợ 4.0” tại trung tâm.");
        Assert.Contains(values, c => c.Display == "Học tập số");
        Assert.Contains(values, c => c.Display == "Chợ 4.0");
    }
}
