"""Strings of the predict-then-check card and the room poll (every page)."""

STRINGS: dict[str, dict[str, str]] = {
    "quiz.title": {"en": "Predict, then check", "zh": "先预测，再验证"},
    "quiz.start": {"en": "Predict first ({count} questions)", "zh": "先预测（{count} 道题）"},
    "quiz.start.help": {
        "en": "A question about this page: choose your prediction, then see what the "
        "computation says. The chart the question is about stays blurred until you answer.",
        "zh": "关于本页的问题：先选出你的预测，再看计算结果。问题涉及的图表在你作答前保持模糊。",
    },
    "quiz.which": {"en": "Question", "zh": "问题"},
    "quiz.choice": {"en": "Your prediction", "zh": "你的预测"},
    "quiz.check": {"en": "Check", "zh": "验证"},
    "quiz.right": {"en": "Right: {option}.", "zh": "答对了：{option}。"},
    "quiz.wrong": {"en": "Not quite: the computation says {option}.",
                   "zh": "不对：计算结果是{option}。"},
    "quiz.answer": {"en": "The computation says: {option}.", "zh": "计算结果：{option}。"},
    "quiz.show": {"en": "Show it on the chart", "zh": "在图表上显示"},
    "quiz.show.help": {
        "en": "Sets the page's controls to the question's setting.",
        "zh": "把本页控件设为题目所说的设置。",
    },
    "quiz.blurred": {
        "en": "The page below shows the answer: it stays blurred until you check your prediction.",
        "zh": "下面的页面会透露答案：在你验证预测之前，它保持模糊。",
    },
    # the room
    "room.open": {"en": "Open a room", "zh": "开一个房间"},
    "room.open.help": {
        "en": "A live poll: everyone who opens the room's link or QR code answers the "
        "questions into it, and you see the answers and reveal them.",
        "zh": "现场投票：打开房间链接或扫描二维码的人都可以作答，你能看到答案分布并揭晓答案。",
    },
    "room.leave": {"en": "Leave the room", "zh": "离开房间"},
    "room.host.banner": {
        "en": "Room **{code}**: {people} answered so far. Share this page's link or QR code "
        "(both carry the room); answers stay hidden from the room until you reveal them.",
        "zh": "房间 **{code}**：目前已有 {people} 人作答。分享本页的链接或二维码（都带着房间号）；"
        "在你揭晓之前，答案不会向大家公开。",
    },
    "room.guest.banner": {
        "en": "You are in room **{code}**. Choose your prediction and send it; the presenter "
        "reveals the answer.",
        "zh": "你在房间 **{code}** 中。选出预测并发送，答案由演示者揭晓。",
    },
    "room.send": {"en": "Send my answer", "zh": "发送答案"},
    "room.sent": {
        "en": "Sent: {option}. You can change it until the presenter reveals the answer.",
        "zh": "已发送：{option}。在演示者揭晓前你可以修改。",
    },
    "room.waiting": {"en": "Waiting for the presenter to reveal the answer.",
                     "zh": "等待演示者揭晓答案。"},
    "room.reveal": {"en": "Reveal the answer", "zh": "揭晓答案"},
    "room.answers": {"en": "{count} answers", "zh": "{count} 个回答"},
    "room.axis.count": {"en": "Answers (people)", "zh": "回答人数"},
    "room.legend": {"en": "Option", "zh": "选项"},
    "room.legend.correct": {"en": "the computed answer", "zh": "计算得出的答案"},
    "room.legend.other": {"en": "other options", "zh": "其他选项"},
    "room.legend.hidden": {"en": "answers (not revealed)", "zh": "回答（尚未揭晓）"},
    "room.error.malformed": {
        "en": "“{code}” is not a room code (6 letters and digits, e.g. K7QX2M). The page opened "
        "without a room.",
        "zh": "“{code}”不是房间号（6 位字母和数字，例如 K7QX2M）。页面已在没有房间的情况下打开。",
    },
    "room.error.unknown": {
        "en": "There is no room {code} on this server: check the code, or ask the presenter "
        "for the link. The page opened without a room.",
        "zh": "此服务器上没有房间 {code}：请检查房间号，或向演示者要链接。页面已在没有房间的情况下打开。",
    },
    "room.error.expired": {
        "en": "Room {code} has expired (rooms last {hours} hours). The page opened without a "
        "room; the presenter can open a new one.",
        "zh": "房间 {code} 已过期（房间保留 {hours} 小时）。页面已在没有房间的情况下打开；演示者可以开新房间。",
    },
    "room.error.full": {
        "en": "Room {code} is full: it takes no more new answers. Answers already given are "
        "kept, and you can still try the question on your own.",
        "zh": "房间 {code} 已满，不再接受新的回答。已有的回答都保留；你仍可以自己作答。",
    },
    "room.error.question_full": {
        "en": "This question in room {code} has reached its limit of answers. Answers already "
        "given are kept.",
        "zh": "房间 {code} 中这道题的回答已达上限。已有的回答都保留。",
    },
    "room.error.server_full": {
        "en": "This server has too many open rooms right now; try again later.",
        "zh": "此服务器目前打开的房间太多，请稍后再试。",
    },
    "room.error.not_host": {
        "en": "Only the presenter who opened room {code} can reveal its answers.",
        "zh": "只有开房间 {code} 的演示者才能揭晓答案。",
    },
    "room.error.storage": {
        "en": "The room's storage cannot be reached ({detail}); the questions still work on "
        "your own.",
        "zh": "无法访问房间的存储（{detail}）；你仍可以自己作答。",
    },
}
