"""Phrase pools for the sample data (make_sample.py) and the bench folder (generate.py).

Development tooling only: nothing here ships in the package. Every visit note is assembled
from these pools with a seeded random generator, so the output is varied but reproducible.
"""

from __future__ import annotations

import random

# What each unit is busy with (its professional tasks), keyed by the unit's short name.
UNIT_TOPICS = {
    "Sở Tài chính": [
        "thẩm định quyết toán vốn đầu tư các dự án hoàn thành",
        "xây dựng dự toán ngân sách địa phương năm 2020",
        "thực hiện cơ chế tự chủ tài chính ở các đơn vị sự nghiệp công lập",
        "quản lý giá và tài sản công",
    ],
    "Sở Y tế": [
        "phòng, chống dịch sốt xuất huyết và bệnh tay chân miệng",
        "thực hiện tự chủ tài chính ở các bệnh viện tuyến tỉnh",
        "lập hồ sơ sức khỏe điện tử cho người dân",
        "thực hiện lộ trình bảo hiểm y tế toàn dân",
    ],
    "Sở Giáo dục và Đào tạo": [
        "tổ chức Kỳ thi trung học phổ thông quốc gia năm 2019",
        "chuẩn bị triển khai Chương trình giáo dục phổ thông 2018",
        "sắp xếp lại mạng lưới trường, lớp học",
        "xây dựng trường đạt chuẩn quốc gia",
    ],
    "Sở Tư pháp": [
        "phổ biến, giáo dục pháp luật cho đồng bào vùng sâu, vùng xa",
        "thẩm định dự thảo văn bản quy phạm pháp luật của tỉnh",
        "đăng ký và quản lý hộ tịch",
        "trợ giúp pháp lý cho người nghèo và đối tượng chính sách",
    ],
    "Kho bạc Nhà nước tỉnh": [
        "kiểm soát chi ngân sách nhà nước",
        "mở rộng dịch vụ công trực tuyến mức độ 3, 4",
        "giải ngân vốn đầu tư công",
        "thanh toán không dùng tiền mặt",
    ],
    "Cục Thuế tỉnh": [
        "thu ngân sách nhà nước trên địa bàn",
        "đôn đốc, xử lý nợ đọng thuế",
        "chuẩn bị triển khai hóa đơn điện tử",
        "thanh tra, kiểm tra thuế tại doanh nghiệp",
    ],
    "Sở Nội vụ": [
        "sắp xếp đơn vị hành chính cấp xã giai đoạn 2019–2021",
        "tinh giản biên chế theo Nghị quyết số 39-NQ/TW",
        "tổ chức thi tuyển công chức năm 2019",
        "nâng cao chỉ số cải cách hành chính (PAR Index)",
    ],
    "Sở Công Thương": [
        "xúc tiến tiêu thụ cam Cao Phong và nông sản của tỉnh",
        "quản lý an toàn điện và vật liệu nổ công nghiệp",
        "phát triển các cụm công nghiệp",
        "thực hiện Cuộc vận động \"Người Việt Nam ưu tiên dùng hàng Việt Nam\"",
    ],
    "Sở Xây dựng": [
        "thẩm định thiết kế và cấp phép xây dựng",
        "quản lý quy hoạch đô thị thành phố Hòa Bình",
        "quản lý chất lượng công trình xây dựng",
        "phát triển nhà ở xã hội",
    ],
    "Ban Quản lý các khu công nghiệp tỉnh": [
        "thu hút đầu tư vào Khu công nghiệp Lương Sơn và Khu công nghiệp bờ trái sông Đà",
        "giải phóng mặt bằng các khu công nghiệp",
        "xử lý nước thải tập trung ở các khu công nghiệp",
        "hỗ trợ doanh nghiệp tháo gỡ khó khăn",
    ],
    "Sở Kế hoạch và Đầu tư": [
        "đẩy nhanh giải ngân vốn đầu tư công",
        "cải thiện chỉ số năng lực cạnh tranh cấp tỉnh (PCI)",
        "xây dựng kế hoạch đầu tư công trung hạn 2021–2025",
        "đăng ký doanh nghiệp qua mạng",
    ],
    "Sở Tài nguyên và Môi trường": [
        "cấp giấy chứng nhận quyền sử dụng đất",
        "quản lý khai thác cát, sỏi lòng sông Đà",
        "kiểm kê đất đai năm 2019",
        "xử lý các điểm ô nhiễm môi trường",
    ],
    "Sở Lao động – Thương binh và Xã hội": [
        "thực hiện Chương trình giảm nghèo bền vững",
        "đào tạo nghề cho lao động nông thôn",
        "chi trả kịp thời chế độ cho người có công",
        "đưa người lao động đi làm việc ở nước ngoài theo hợp đồng",
    ],
    "Sở Văn hóa, Thể thao và Du lịch": [
        "phát triển du lịch hồ Hòa Bình",
        "bảo tồn và phát huy giá trị văn hóa Mường",
        "tổ chức các hoạt động văn hóa, thể thao mừng các ngày lễ lớn",
        "thực hiện phong trào \"Toàn dân đoàn kết xây dựng đời sống văn hóa\"",
    ],
    "Trung tâm Phục vụ hành chính công tỉnh": [
        "tiếp nhận và trả kết quả hồ sơ theo cơ chế một cửa, một cửa liên thông",
        "kết nối phần mềm một cửa điện tử với các sở, ngành",
        "ổn định tổ chức bộ máy sau khi thành lập",
        "bố trí công chức các sở, ngành làm việc tại Trung tâm",
    ],
}

GENERIC_TOPICS = [
    "thực hiện nhiệm vụ chuyên môn năm 2019",
    "cải cách hành chính, ứng dụng công nghệ thông tin",
    "thực hành tiết kiệm, chống lãng phí",
    "xây dựng cơ quan đạt chuẩn văn hóa",
]

# What the cells discuss in each month of 2019 (the party calendar of the year).
MONTH_TOPICS = {
    1: ["tổng kết công tác năm 2018, triển khai nhiệm vụ năm 2019"],
    2: ["kỷ niệm 89 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 – 03/02/2019)"],
    3: ["triển khai Hướng dẫn số 20-HD/ĐUK ngày 13/3/2019 về nâng cao chất lượng sinh hoạt chi bộ",
        "học tập chuyên đề năm 2019 về học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"],
    4: ["sơ kết công tác quý I, triển khai nhiệm vụ quý II năm 2019",
        "kỷ niệm 44 năm Ngày giải phóng miền Nam, thống nhất đất nước"],
    5: ["kỷ niệm 129 năm Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890 – 19/5/2019)",
        "sinh hoạt chuyên đề \"Nâng cao ý thức tôn trọng Nhân dân, phát huy dân chủ, chăm lo đời sống Nhân dân\""],
    6: ["quán triệt Chỉ thị số 35-CT/TW ngày 30/5/2019 của Bộ Chính trị về đại hội đảng bộ các cấp",
        "chuẩn bị sơ kết 6 tháng đầu năm 2019"],
    7: ["sơ kết 6 tháng đầu năm, nhiệm vụ 6 tháng cuối năm 2019",
        "kỷ niệm 72 năm Ngày Thương binh – Liệt sĩ (27/7/1947 – 27/7/2019)"],
    8: ["xây dựng kế hoạch tổ chức đại hội chi bộ nhiệm kỳ 2020–2025",
        "kiểm điểm việc thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị"],
    9: ["kỷ niệm 50 năm thực hiện Di chúc của Chủ tịch Hồ Chí Minh (1969 – 2019)",
        "sinh hoạt chuyên đề quý III về đạo đức công vụ"],
    10: ["sơ kết 9 tháng năm 2019; góp ý dự thảo báo cáo chính trị trình đại hội chi bộ",
         "chuẩn bị nhân sự cấp ủy nhiệm kỳ 2020–2025"],
    11: ["hoàn thiện văn kiện đại hội chi bộ nhiệm kỳ 2020–2025",
         "góp ý xây dựng Đảng, xây dựng chính quyền theo Quy định số 217-QĐ/TW và 218-QĐ/TW"],
    12: ["kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên năm 2019",
         "tổng kết công tác năm 2019, phương hướng nhiệm vụ năm 2020"],
}

SITUATION_OPENINGS = [
    "{unit} hiện có {members} đảng viên; nội bộ đoàn kết, thống nhất, duy trì nền nếp sinh hoạt định kỳ.",
    "Tình hình chính trị, tư tưởng của cán bộ, đảng viên {unit} ổn định; {members} đảng viên đều chấp hành tốt chủ trương của Đảng, chính sách, pháp luật của Nhà nước.",
    "{unit} ({members} đảng viên) lãnh đạo cơ quan hoàn thành các chỉ tiêu chuyên môn theo kế hoạch.",
    "{committee} {unit_short} nắm chắc tình hình tư tưởng của {members} đảng viên, kịp thời định hướng trước những vấn đề mới phát sinh.",
    "{unit} tổ chức quán triệt đầy đủ các chỉ thị, nghị quyết của cấp trên tới {members} đảng viên.",
]

SITUATION_TASKS = [
    "Đơn vị đang tập trung {topic}, tiến độ cơ bản bảo đảm.",
    "Trong tháng, cơ quan ưu tiên {topic}; kết quả bước đầu được lãnh đạo tỉnh ghi nhận.",
    "Nhiệm vụ trọng tâm là {topic}; một số phần việc còn chậm so với kế hoạch.",
    "Việc {topic} được triển khai đồng bộ, có phân công cụ thể cho từng phòng.",
]

SITUATION_PARTY = [
    "Công tác phát triển đảng viên được quan tâm: đang bồi dưỡng {n} quần chúng ưu tú.",
    "Việc thu, nộp đảng phí thực hiện đúng Quyết định số 342-QĐ/TW.",
    "Hồ sơ đảng viên, sổ sách của chi bộ được cập nhật đầy đủ.",
    "Cấp ủy đã ban hành chương trình kiểm tra, giám sát năm 2019 và đang thực hiện theo kế hoạch.",
    "Các đoàn thể trong cơ quan hoạt động đều, phối hợp tốt với chi ủy.",
]

DIFFICULTIES = [
    "Khối lượng công việc chuyên môn lớn, nhiều đảng viên đi công tác cơ sở nên việc bố trí thời gian sinh hoạt gặp khó khăn.",
    "Các cấp ủy viên đều kiêm nhiệm, thời gian dành cho công tác đảng còn hạn chế.",
    "Một số đảng viên trẻ còn lúng túng khi tham gia ý kiến tại sinh hoạt chi bộ.",
    "Kinh phí hoạt động của chi bộ còn hạn hẹp, chủ yếu dựa vào trích đảng phí giữ lại.",
    "Việc {topic} phụ thuộc nhiều vào các cơ quan trung ương nên khó chủ động về tiến độ.",
    "Thiếu cán bộ có chuyên môn sâu để {topic}.",
    "Phần mềm quản lý đảng viên chưa được cập nhật thường xuyên do thiếu người phụ trách.",
    "Sau khi sắp xếp lại các phòng, một số đảng viên chưa ổn định vị trí công tác, ảnh hưởng đến tư tưởng.",
]

WORK_PROPOSALS = [
    "Đề nghị Ban Thường vụ Đảng ủy Khối tổ chức tập huấn nghiệp vụ công tác đảng cho cấp ủy viên mới.",
    "Đề nghị Ban Tổ chức Đảng ủy Khối hướng dẫn cụ thể quy trình chuẩn bị nhân sự đại hội chi bộ nhiệm kỳ 2020–2025.",
    "Đề nghị Đảng ủy Khối kiến nghị với Ủy ban nhân dân tỉnh bổ sung biên chế cho đơn vị để {topic}.",
    "Đề nghị Ban Thường vụ cung cấp thêm tài liệu sinh hoạt chuyên đề năm 2019.",
    "Đề nghị Đảng ủy Khối sớm có hướng dẫn về việc kiện toàn tổ chức đảng sau khi sắp xếp bộ máy.",
    "Đề nghị Ủy ban Kiểm tra Đảng ủy Khối hướng dẫn thêm về nghiệp vụ kiểm tra, giám sát cho chi bộ.",
]

PREPARATION = [
    "{committee} chuẩn bị nội dung sinh hoạt chu đáo; dự thảo nghị quyết được gửi trước cho đảng viên {days} ngày. Nội dung tập trung {month_topic}.",
    "Đồng chí Bí thư chuẩn bị báo cáo kết quả thực hiện nghị quyết tháng trước và phương hướng tháng tới, gắn với {topic}.",
    "Nội dung sinh hoạt được {committee_lower} họp thống nhất trước; có phần thông tin thời sự và phần {month_topic}.",
    "Công tác chuẩn bị còn sơ sài: dự thảo nghị quyết chỉ được gửi ngay tại buổi sinh hoạt; nội dung chủ yếu về {topic}.",
    "Sinh hoạt chuyên đề: {committee_lower} phân công đảng viên chuẩn bị tham luận về {month_topic}.",
]

CONDUCT = [
    "Đồng chí Bí thư chủ trì, điều hành đúng trình tự; {present}/{members} đảng viên có mặt, {speakers} đồng chí phát biểu. Nghị quyết được biểu quyết thông qua tại buổi sinh hoạt.",
    "Buổi sinh hoạt diễn ra trong khoảng {minutes} phút, không khí dân chủ, cởi mở; {speakers} ý kiến tham gia, tập trung vào {topic}.",
    "Chủ trì điều hành linh hoạt, kết luận rõ từng vấn đề; {present}/{members} đảng viên dự, vắng có lý do {absent} đồng chí.",
    "Việc điều hành còn nặng về đọc báo cáo, ít thời gian thảo luận; chỉ {speakers} đồng chí phát biểu.",
]

FEASIBILITY = {
    "good": [
        "Nghị quyết ngắn gọn, xác định rõ nhiệm vụ, người thực hiện và thời hạn hoàn thành; có tính khả thi cao.",
        "Nghị quyết bám sát nhiệm vụ chính trị của cơ quan, có chỉ tiêu cụ thể nên dễ kiểm tra, đánh giá.",
        "Các nhiệm vụ trong nghị quyết gắn với {topic}, phân công rõ cho từng đảng viên.",
    ],
    "weak": [
        "Nghị quyết còn chung chung, chưa gắn với nhiệm vụ chuyên môn cụ thể nên khó đánh giá kết quả.",
        "Một số nhiệm vụ trong nghị quyết chưa có thời hạn và người chịu trách nhiệm.",
    ],
}

LESSONS = [
    "Cần dành nhiều thời gian hơn cho thảo luận, hạn chế đọc lại báo cáo đã gửi trước.",
    "Chi bộ cần kiểm điểm việc thực hiện nghị quyết tháng trước một cách cụ thể, chỉ rõ việc chưa làm được và nguyên nhân.",
    "Nên lồng ghép sinh hoạt tư tưởng, nắm bắt tâm tư của đảng viên trước các đợt sắp xếp tổ chức.",
    "Biên bản sinh hoạt cần ghi đầy đủ ý kiến phát biểu và kết quả biểu quyết.",
    "Việc phân công đảng viên theo dõi, giúp đỡ quần chúng ưu tú cần cụ thể hơn.",
    "Cần phát huy vai trò nêu gương của đảng viên là lãnh đạo cơ quan trong thực hiện nhiệm vụ.",
]

REQUESTS = [
    "Chi bộ đề nghị cấp ủy cấp trên quan tâm lãnh đạo công tác chuẩn bị đại hội chi bộ nhiệm kỳ 2020–2025.",
    "Đề nghị Đảng ủy Khối quan tâm tạo nguồn cán bộ, giới thiệu đảng viên trẻ đi học lý luận chính trị.",
    "Đề nghị quan tâm lãnh đạo việc {topic}.",
    "Đề nghị cấp trên sớm phê duyệt hồ sơ kết nạp đảng viên mới của chi bộ.",
    "Chi bộ đề nghị được tham gia các lớp bồi dưỡng nghiệp vụ công tác đảng năm 2019.",
]

MEETING_PROPOSALS = [
    "Đề nghị Ban Thường vụ tổ chức hội nghị rút kinh nghiệm sinh hoạt chi bộ trong toàn Đảng bộ Khối.",
    "Đề nghị biểu dương chi bộ trong sơ kết việc thực hiện Hướng dẫn số 12-HD/BTCTW.",
    "Đề nghị Ban Tổ chức Đảng ủy Khối bổ sung mẫu nghị quyết tháng cho các chi bộ.",
    "Đề nghị Ban Thường vụ chỉ đạo chi bộ khắc phục ngay những hạn chế đã nêu trước kỳ sinh hoạt tới.",
    "Đề nghị Ban Tuyên giáo Đảng ủy Khối cung cấp tài liệu sinh hoạt chuyên đề sớm hơn.",
]

BULLETS = [
    "Hoàn thành báo cáo sơ kết đúng thời hạn.",
    "Tiếp tục bồi dưỡng quần chúng ưu tú để kết nạp vào Đảng.",
    "Thực hiện nghiêm quy chế dân chủ ở cơ sở.",
    "Đẩy mạnh cải cách hành chính trong cơ quan.",
    "Tổ chức tốt phong trào thi đua yêu nước.",
    "Làm tốt công tác dân vận chính quyền.",
]


def short_name(unit_name: str) -> str:
    """'Chi bộ Sở Tài chính' -> 'Sở Tài chính' (the office the cell belongs to)."""
    for prefix in ("Chi bộ ", "Đảng bộ "):
        if unit_name.startswith(prefix):
            return unit_name[len(prefix):]
    return unit_name


class Notes:
    """Builds the notes of one visit's sections from the pools."""

    def __init__(self, rng: random.Random):
        self.rng = rng

    def _topic(self, office: str) -> str:
        return self.rng.choice(UNIT_TOPICS.get(office, GENERIC_TOPICS))

    def _fill(self, pattern: str, ctx: dict) -> str:
        return pattern.format(**ctx)

    def context(self, unit_name: str, office: str, members: int, month: int) -> dict:
        r = self.rng
        committee = "Đảng ủy" if unit_name.startswith("Đảng bộ") else "Chi ủy"
        present = max(3, members - r.randint(0, max(1, members // 8)))
        return {
            "unit": unit_name,
            "committee": committee,
            "unit_short": short_name(unit_name),
            "committee_lower": committee.lower(),
            "members": members,
            "topic": self._topic(office),
            "month_topic": r.choice(MONTH_TOPICS[month]),
            "n": r.randint(1, 4),
            "days": r.randint(2, 5),
            "present": present,
            "absent": members - present,
            "speakers": r.randint(3, max(4, present // 3)),
            "minutes": r.choice((90, 100, 120, 150)),
        }

    def _several(self, pools: list[list[str]], ctx: dict) -> str:
        return " ".join(self._fill(self.rng.choice(p), ctx) for p in pools)

    def _bullets(self, ctx: dict) -> str:
        items = self.rng.sample(BULLETS, self.rng.randint(2, 3))
        head = "Nghị quyết tập trung các nhiệm vụ:"
        return head + "\n" + "\n".join("- " + i for i in items)

    def work(self, ctx: dict) -> dict:
        r = self.rng
        out = {
            "situation": self._several([SITUATION_OPENINGS, SITUATION_TASKS, SITUATION_PARTY], ctx),
            "difficulties": self._fill(r.choice(DIFFICULTIES), ctx),
            "proposals": self._fill(r.choice(WORK_PROPOSALS), ctx),
        }
        if r.random() < 0.3:  # a two-paragraph note, as a clerk writes after a long visit
            out["difficulties"] += "\n" + self._fill(r.choice(DIFFICULTIES), ctx)
        return out

    def meeting(self, ctx: dict, rating: str | None) -> dict:
        r = self.rng
        weak = rating in ("trung-binh", "kem")
        feasibility = r.choice(FEASIBILITY["weak" if weak else "good"])
        out = {
            "preparation": self._fill(r.choice(PREPARATION[3:4] if weak else PREPARATION[:3] + PREPARATION[4:]), ctx),
            "conduct": self._fill(r.choice(CONDUCT[3:] if weak else CONDUCT[:3]), ctx),
            "feasibility": self._fill(feasibility, ctx),
            "lessons": self._fill(r.choice(LESSONS), ctx),
            "requests": self._fill(r.choice(REQUESTS), ctx),
            "proposals": self._fill(r.choice(MEETING_PROPOSALS[3:4] if weak else MEETING_PROPOSALS), ctx),
        }
        if not weak and r.random() < 0.3:
            out["feasibility"] += "\n" + self._bullets(ctx)
        if r.random() < 0.25:
            out["lessons"] += "\n" + r.choice([x for x in LESSONS if x != out["lessons"]])
        if r.random() < 0.1:  # nothing raised: the report prints "Không có."
            del out["requests"]
        return out
