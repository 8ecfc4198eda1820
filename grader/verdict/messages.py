"""Every sentence the grader writes, in English and Korean: one template per key.

``msg("expected_value", label=..., expected=..., seen=...)`` fills both
templates and returns a :data:`grader.text.Text`. A parameter that is itself a
Text (a check's label, a nested message) is rendered in the template's
language; anything else is ``str()``-ed. Nothing here imports torch: the app,
the zygote and the sandboxed child all use it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import cast

from grader.text import Text, in_lang

MESSAGES: dict[str, tuple[str, str]] = {
    # -- the grader itself (error_kind "internal") ---------------------------------
    "worker_unavailable": (
        "the grading worker is not available ({detail})",
        "채점 프로세스를 쓸 수 없습니다 ({detail})",
    ),
    "worker_not_running": (
        "the grading worker is not running",
        "채점 프로세스가 실행 중이 아닙니다",
    ),
    "worker_no_start": (
        "cannot start the grading worker: {detail}",
        "채점 프로세스를 시작할 수 없습니다: {detail}",
    ),
    "worker_start_timeout": (
        "the grading worker did not start in time",
        "채점 프로세스가 제때 시작되지 않았습니다",
    ),
    "worker_start_failed": (
        "the grading worker failed to start: {detail}",
        "채점 프로세스가 시작되지 못했습니다: {detail}",
    ),
    "no_detail": ("no message", "메시지 없음"),
    "worker_stuck": ("the grading worker stopped answering", "채점 프로세스가 응답하지 않습니다"),
    "worker_died": (
        "the grading worker died while running this submission",
        "이 제출물을 실행하는 동안 채점 프로세스가 종료되었습니다",
    ),
    "worker_failed": ("the grading worker failed: {detail}", "채점 프로세스 오류: {detail}"),
    "internal_error": ("internal grader error: {detail}", "채점기 내부 오류: {detail}"),
    "sandbox_failed": (
        "the sandbox could not be set up: {detail}",
        "샌드박스를 준비할 수 없습니다: {detail}",
    ),
    "cancelled": ("grading was cancelled", "채점이 취소되었습니다"),
    "task_ungradable": (
        "this task cannot be graded: {detail}",
        "이 문제는 채점할 수 없습니다: {detail}",
    ),
    "reference_not_run": (
        "the reference solution could not be run: {detail}",
        "모범 답안을 실행할 수 없습니다: {detail}",
    ),
    "reference_fails_check": (
        "the reference solution fails its check '{name}': {detail}",
        "모범 답안이 자기 검사 '{name}'에서 실패합니다: {detail}",
    ),
    "no_checks": ("the hidden tests define no checks", "숨은 테스트에 검사가 하나도 없습니다"),
    "hidden_broken": (
        "the hidden tests are broken: {detail}",
        "숨은 테스트에 오류가 있습니다: {detail}",
    ),
    "reference_computed": ("reference computed", "모범 답안 결과 계산됨"),
    # -- limits ----------------------------------------------------------------------
    "time_limit": ("time limit {seconds} s exceeded", "시간 제한 {seconds}초를 넘었습니다"),
    "cpu_limit": ("CPU time limit {seconds} s exceeded", "CPU 시간 제한 {seconds}초를 넘었습니다"),
    "memory_limit": ("memory limit {mb} MB exceeded", "메모리 제한 {mb} MB를 넘었습니다"),
    "too_many_processes": (
        "the program started too many processes",
        "프로그램이 프로세스를 너무 많이 만들었습니다",
    ),
    "disk_limit": (
        "the program wrote too much to its working folder (limit {mb} MB; every file and "
        "folder counts, and files deleted while still open)",
        "프로그램이 작업 폴더에 너무 많이 썼습니다 (제한 {mb} MB; 모든 파일과 폴더, "
        "열린 채 지운 파일도 셉니다)",
    ),
    "output_limit": ("output limit {mb} MB exceeded", "출력 제한 {mb} MB를 넘었습니다"),
    "stopped": ("stopped: {reason}", "중단됨: {reason}"),
    # -- how the submission went wrong ------------------------------------------------
    "tampered": (
        "the program tampered with the grader ({detail})",
        "프로그램이 채점기를 조작했습니다 ({detail})",
    ),
    "tampered_plain": ("the program tampered with the grader", "프로그램이 채점기를 조작했습니다"),
    "tamper_no_nonce": ("a report without the grader's nonce", "채점기의 nonce가 없는 보고"),
    "tamper_duplicate": (
        "a duplicated or malformed check report",
        "중복되었거나 형식이 틀린 검사 보고",
    ),
    "tamper_unexpected": ("an unexpected {kind} message", "예상하지 못한 {kind} 메시지"),
    "tamper_after_end": ("data after the final report", "마지막 보고 뒤에 온 데이터"),
    "tamper_partial_frame": ("an incomplete message", "끝나지 않은 메시지"),
    "tamper_bad_frame": ("a malformed message: {detail}", "형식이 틀린 메시지: {detail}"),
    "tamper_incomplete": ("its report is incomplete", "보고가 완전하지 않음"),
    "exited_before_tests": (
        "the program exited before the tests ran ({how})",
        "테스트가 실행되기 전에 프로그램이 종료되었습니다 ({how})",
    ),
    "exited_during_tests": (
        "the program exited while the tests ran ({how})",
        "테스트 실행 중에 프로그램이 종료되었습니다 ({how})",
    ),
    "exited_before_end": (
        "the program exited before it finished ({how})",
        "프로그램이 끝나기 전에 종료되었습니다 ({how})",
    ),
    "exit_segv": (
        "it crashed with SIGSEGV, e.g. from recursion that is too deep",
        "SIGSEGV로 비정상 종료, 예: 너무 깊은 재귀",
    ),
    "exit_signal": ("killed by {signal}", "{signal} 신호로 종료됨"),
    "exit_reporting": (
        "it broke the grader's reporting inside its process: exit status 72",
        "프로세스 안에서 채점 보고를 망가뜨림: 종료 코드 72",
    ),
    "exit_status": ("exit status {code}", "종료 코드 {code}"),
    "exit_unknown": ("no exit status", "종료 상태 없음"),
    "exit_called": ("it called exit()", "exit()를 호출함"),
    "leftover_one": (
        "the program left 1 process running after it finished (killed)",
        "프로그램이 끝난 뒤에도 프로세스 1개가 실행 중이었습니다 (종료시킴)",
    ),
    "leftover_many": (
        "the program left {count} processes running after it finished (killed)",
        "프로그램이 끝난 뒤에도 프로세스 {count}개가 실행 중이었습니다 (종료시킴)",
    ),
    "run_exit_status": (
        "the program exited with status {code}",
        "프로그램이 종료 코드 {code}(으)로 끝났습니다",
    ),
    "syntax_error": ("syntax error on line {line}: {detail}", "{line}번 줄 문법 오류: {detail}"),
    "syntax_error_somewhere": ("syntax error: {detail}", "문법 오류: {detail}"),
    "raised": (
        "your code raised an exception: {what} ({where})",
        "작성한 코드에서 예외가 발생했습니다: {what} ({where})",
    ),
    "raised_elsewhere": ("an exception was raised: {what}", "예외가 발생했습니다: {what}"),
    "at_line": ("line {line}", "{line}번 줄"),
    "at_line_in": ("line {line}, in {function}", "{line}번 줄, {function} 안"),
    "called_exit": ("your code called exit({code})", "작성한 코드가 exit({code})를 호출했습니다"),
    "message_hidden": (
        "{what} (its message is not shown: it quotes the hidden tests)",
        "{what} (메시지는 숨은 테스트를 인용하므로 보이지 않습니다)",
    ),
    "graded_again": (
        "graded again in a fresh worker: the first run was killed from outside ({how}), by "
        "something other than this file (a process an earlier file left?)",
        "새 채점 프로세스에서 다시 채점했습니다: 첫 실행이 이 파일이 아닌 밖에서 ({how}) "
        "종료되었습니다 (앞 파일이 남긴 프로세스?)",
    ),
    "message_hidden_reference": (
        "{what} (its message is not shown: it quotes the reference solution)",
        "{what} (메시지는 모범 답안을 인용하므로 보이지 않습니다)",
    ),
    # -- checks ----------------------------------------------------------------------
    "not_run": ("not run: {why}", "실행되지 않음: {why}"),
    "not_run_plain": ("not run", "실행되지 않음"),
    "same_error": (
        "the same error as in '{name}'",
        "'{name}'과(와) 같은 오류",
    ),
    "required_failed": ("'{name}' failed", "'{name}' 실패"),
    "check_failed": ("the check failed", "검사 실패"),
    "check_reported_nothing": ("the check reported nothing", "검사가 아무것도 보고하지 않았습니다"),
    "check_reported_more": (
        "the check reported more than it should",
        "검사가 보고해야 할 것보다 많이 보고했습니다",
    ),
    "check_malformed": ("the check's report is malformed", "검사 보고의 형식이 틀렸습니다"),
    "defines_function": ("defines {name}()", "{name}() 정의"),
    "defines_class": ("defines class {name}", "{name} 클래스 정의"),
    "not_defined": ("your code does not define {name}", "작성한 코드에 {name}의 정의가 없습니다"),
    "must_be_function": (
        "{name} must be a function, got {kind}",
        "{name}: 함수여야 하는데 {kind}입니다",
    ),
    "must_be_class": (
        "{name} must be a class derived from {base}",
        "{name}: {base}에서 파생된 클래스여야 합니다",
    ),
    "not_a_tuple_of": (
        "expected {what} to be a tuple of {count} items, got {seen}",
        "{what}: 항목 {count}개짜리 tuple이어야 하는데 {seen}입니다",
    ),
    "no_gradient_count": (
        "number of parameters that get no gradient",
        "기울기를 받지 못하는 파라미터 수",
    ),
    "gradient_of": ("gradient of {slot}", "{slot}의 기울기"),
    "gradient_differs": (
        "the gradient of {slot} differs from the reference's",
        "{slot}의 기울기가 정답과 다릅니다",
    ),
    # -- weights ---------------------------------------------------------------------
    "not_a_module": ("expected an nn.Module, got {kind}", "nn.Module이어야 하는데 {kind}입니다"),
    "too_many_modules": ("the model has too many sub-modules", "모델의 하위 모듈이 너무 많습니다"),
    "tables_replaced": (
        "the model's parameter tables were replaced",
        "모델의 파라미터 테이블이 바뀌었습니다",
    ),
    "modules_replaced": (
        "the model's module table was replaced",
        "모델의 모듈 테이블이 바뀌었습니다",
    ),
    "entry_not_tensor": ("{path} is not a tensor", "{path}: 텐서가 아닙니다"),
    "entry_not_module": ("{path} is not an nn.Module", "{path}: nn.Module이 아닙니다"),
    "parameters_differ": (
        "your model's parameters differ from the reference's: {parts}",
        "작성한 모델의 파라미터가 정답 모델과 다릅니다: {parts}",
    ),
    "reference_has": ("the reference has {slots}", "정답 모델에는 {slots}"),
    "yours_has": ("your model has {slots}", "작성한 모델에는 {slots}"),
    # -- values that cannot be read ----------------------------------------------------
    "unreadable_not_tensor": ("not a tensor: {kind}", "텐서가 아님: {kind}"),
    "unreadable_layout": ("a sparse or nested tensor", "희소(sparse) 또는 중첩(nested) 텐서"),
    "unreadable_device": ("a tensor that is not on the CPU", "CPU에 있지 않은 텐서"),
    "unreadable_dtype": ("a tensor of dtype {dtype}", "dtype이 {dtype}인 텐서"),
    "unreadable_size": (
        "a tensor with more than {count} elements",
        "원소가 {count}개보다 많은 텐서",
    ),
    "very_large_int": ("a very large int", "아주 큰 int"),
    "nested_too_deeply": ("nested too deeply", "너무 깊이 중첩됨"),
    "too_many_items": ("{count} items", "항목 {count}개"),
    "keys_not_str": ("keys that are not strings", "문자열이 아닌 키"),
    # -- comparing observations --------------------------------------------------------
    "not_observed": ("{label}: not observed", "{label}: 관찰되지 않음"),
    "expected_value": (
        "expected {label} {expected}, got {seen}",
        "{label}: 기대값 {expected}, 실제 {seen}",
    ),
    "expected_close": (
        "expected {label} {expected}, got {seen} (the values differ by {diff})",
        "{label}: 기대값 {expected}, 실제 {seen} (차이 {diff})",
    ),
    "fail_expected": (
        "{fail} (expected {expected}, got {seen})",
        "{fail} (기대값 {expected}, 실제 {seen})",
    ),
    "with_note": ("{message} ({note})", "{message} ({note})"),
    "not_a_tensor": (
        "expected {label} to be a torch.Tensor, got {seen}",
        "{label}: 기대값 torch.Tensor, 실제 {seen}",
    ),
    "tensor_unreadable": ("{label} is {why}", "{label}: {why}"),
    "tensor_shape": (
        "expected {label} shape {expected}, got {seen}",
        "{label} 모양: 기대값 {expected}, 실제 {seen}",
    ),
    "tensor_dtype": (
        "expected {label} dtype {expected}, got {seen}",
        "{label} dtype: 기대값 {expected}, 실제 {seen}",
    ),
    "modified_shape": (
        "{label} was modified: its shape changed from {before} to {after}",
        "{label}이(가) 바뀌었습니다: 모양 {before} → {after}",
    ),
    "modified_dtype": (
        "{label} was modified: its dtype changed from {before} to {after}",
        "{label}이(가) 바뀌었습니다: dtype {before} → {after}",
    ),
    "modified_value": (
        "{label} was modified by the call: the value{at} was {before}, now {after}{count}",
        "호출 후 {label}이(가) 바뀌었습니다: 값{at} {before} → {after}{count}",
    ),
    "tensor_size": (
        "{label} does not hold as many values as its shape says",
        "{label}: 값의 개수가 모양과 맞지 않습니다",
    ),
    "tensor_values": (
        "{head}{label} values differ from the reference{at}: expected {expected}, got {seen}{count}{tolerance}",
        "{head}{label} 값이 정답과 다릅니다{at}: 기대값 {expected}, 실제 {seen}{count}{tolerance}",
    ),
    "fail_head": ("{fail}: ", "{fail}: "),
    "at_index": (" at {index}", " ({index} 위치)"),
    "values_differ_count": (" ({bad} of {total} values differ)", " (값 {total}개 중 {bad}개 다름)"),
    "tolerance": (", tolerance {atol} + {rtol}·|expected|", ", 허용 오차 {atol} + {rtol}·|기대값|"),
    # -- describing values ------------------------------------------------------------
    "type_bool": ("a bool", "bool"),
    "type_int": ("a Python int", "Python int"),
    "type_float": ("a Python float", "Python float"),
    "type_str": ("a str", "str"),
    "type_list": ("a list", "list"),
    "type_tuple": ("a tuple", "tuple"),
    "type_tensor": ("a torch.Tensor", "torch.Tensor"),
    "type_dict": ("a dict", "dict"),
    "value_typed": ("{value} ({kind})", "{value} ({kind})"),
    "tensor_of_shape": ("a tensor of shape {shape} ({dtype})", "모양 {shape}인 텐서 ({dtype})"),
    "an_object": ("{article} {name}", "{name} 객체"),
    "not_a_plain_tensor": (
        "{article} {name} (not a torch.Tensor)",
        "{name} 객체 (torch.Tensor 아님)",
    ),
    "object_why": ("{name} ({why})", "{name} ({why})"),
    "unexpected_value": ("an unexpected value", "알 수 없는 값"),
    # -- training tasks (grader.jobs.training) ----------------------------------------------
    "train_not_a_module": (
        "build_model() must return an nn.Module, got {kind}",
        "build_model()은 nn.Module을 반환해야 하는데 {kind}을(를) 반환했습니다",
    ),
    "train_predict_not_tensor": (
        "predict() must return a tensor of class numbers, got {kind}",
        "predict()는 클래스 번호 텐서를 반환해야 하는데 {kind}을(를) 반환했습니다",
    ),
    "train_predict_shape": (
        "predictions must have shape ({count},), got {shape}",
        "예측의 모양은 ({count},)이어야 하는데 {shape}입니다",
    ),
    "train_predict_float": (
        "predictions are {dtype} values; return class numbers (a LongTensor), e.g. with argmax(dim=1) or (logit > 0).long()",
        "예측이 {dtype} 값입니다. 클래스 번호(LongTensor)를 반환하세요. 예: argmax(dim=1) 또는 (logit > 0).long()",
    ),
    "train_predict_values_shape": (
        "predictions must have shape ({count},) (one value per house), got {shape}",
        "예측의 모양은 ({count},)이어야 합니다 (집마다 값 하나), 그런데 {shape}입니다",
    ),
    "train_predict_not_numbers": (
        "predict() must return a tensor of predicted values, got {kind}",
        "predict()는 예측값 텐서를 반환해야 하는데 {kind}을(를) 반환했습니다",
    ),
    "train_predictions_not_finite": (
        "{count} of {total} predictions are nan or inf: RMSLE needs finite values (did the training diverge? standardize the inputs, train on log prices, lower the learning rate)",
        "예측 {total}개 중 {count}개가 nan 또는 inf입니다: RMSLE는 유한한 값이 필요합니다 (학습이 발산했나요? 입력을 표준화하고, 로그 가격을 학습하고, 학습률을 낮춰 보세요)",
    ),
    "train_predictions_not_positive": (
        "{count} of {total} predictions are 0 or negative (e.g. {value}): RMSLE needs positive values in the units of y; predict log prices and return their exp()",
        "예측 {total}개 중 {count}개가 0 이하입니다 (예: {value}): RMSLE는 y 단위의 양수 값이 필요합니다. 로그 가격을 예측했다면 exp()로 되돌려 반환하세요",
    ),
    "train_predictions_count": (
        "{got} predictions came back for {count} test inputs",
        "테스트 입력 {count}개에 예측이 {got}개 돌아왔습니다",
    ),
    "train_over_budget": (
        "training was stopped after {ran} s of CPU time: the budget is {budget} s. Train fewer epochs or use a smaller model",
        "학습이 CPU 시간 {ran}초에서 중단되었습니다: 예산은 {budget}초입니다. 에폭 수를 줄이거나 더 작은 모델을 쓰세요",
    ),
    "train_wall_limit": (
        "training was stopped after {ran} s without finishing (CPU budget {budget} s; it was mostly waiting, not computing)",
        "학습이 {ran}초 동안 끝나지 않아 중단되었습니다 (CPU 예산 {budget}초; 계산보다 기다리는 시간이 길었습니다)",
    ),
    "train_check_metric": ("{metric} on the test split", "테스트 데이터 {metric}"),
    "train_metric_below": (
        "{metric} {value} is below the target {target} (0 points at {floor} or less)",
        "{metric} {value}: 목표 {target}에 못 미칩니다 ({floor} 이하는 0점)",
    ),
    "train_metric_above": (
        "{metric} {value} is above the target {target} (lower is better; 0 points at {floor} or more)",
        "{metric} {value}: 목표 {target}보다 큽니다 (낮을수록 좋음, {floor} 이상은 0점)",
    ),
    "train_not_measured": ("not measured: {why}", "측정하지 못함: {why}"),
    "train_structure_missing": (
        "not checked: the model lacks a required module",
        "측정하지 않음: 모델에 필요한 모듈이 없습니다",
    ),
    "train_check_requires": ("the model contains nn.{name}", "모델에 nn.{name} 포함"),
    "train_check_forbids": ("the model has no nn.{name}", "모델에 nn.{name} 없음"),
    "train_lacks": (
        "build_model() returned a model without nn.{name}; this task needs one",
        "build_model()이 반환한 모델에 nn.{name}이(가) 없습니다. 이 문제는 nn.{name}이(가) 필요합니다",
    ),
    "train_uses": (
        "the model uses nn.{name}, which this task rules out",
        "모델이 이 문제에서 쓰지 않기로 한 nn.{name}을(를) 씁니다",
    ),
    "train_check_budget": ("training within the CPU budget", "CPU 시간 예산 안에서 학습"),
    "train_used_budget": (
        "training used {ran} s of CPU time; the budget is {budget} s",
        "학습에 CPU 시간 {ran}초를 썼습니다. 예산은 {budget}초입니다",
    ),
    "train_no_step": (
        "train() left every parameter unchanged: no optimizer step? Call optimizer.step() after loss.backward() in every batch",
        "train()이 끝난 뒤에도 파라미터가 하나도 바뀌지 않았습니다: optimizer.step()을 빠뜨렸나요? 배치마다 loss.backward() 다음에 optimizer.step()을 호출하세요",
    ),
    "train_one_class": (
        "every prediction is class {label}: the model has not learned to tell the classes apart",
        "모든 예측이 클래스 {label}입니다: 모델이 클래스를 구분하도록 학습되지 않았습니다",
    ),
    "train_constant": (
        "every prediction is {value}: the model predicts one value for every house and has not learned from the features",
        "모든 예측이 {value}입니다: 모델이 모든 집에 같은 값을 내며 특성에서 배우지 못했습니다",
    ),
    "train_nan": (
        "parameters became nan or inf during training: the loss went nan (learning rate too high? inputs not standardized?)",
        "학습 중 파라미터가 nan 또는 inf가 되었습니다: 손실이 nan이 되었습니다 (학습률이 너무 큰가요? 입력을 표준화했나요?)",
    ),
    "train_smoke_ok": (
        "trained once on {rows} training rows in {ran} s of CPU time; accuracy on those rows {metric} (not scored)",
        "학습 데이터 {rows}개로 한 번 학습했습니다: CPU {ran}초, 그 데이터에서의 정확도 {metric} (채점 아님)",
    ),
    "train_smoke_ok_rmsle": (
        "trained once on {rows} training rows in {ran} s of CPU time; RMSLE on those rows {metric} (lower is better; not scored)",
        "학습 데이터 {rows}개로 한 번 학습했습니다: CPU {ran}초, 그 데이터에서의 RMSLE {metric} (낮을수록 좋음, 채점 아님)",
    ),
}

EMPTY: Text = {"en": "", "ko": ""}
_isinstance = isinstance  # captured: the sandboxed child uses these after student code ran


def _render(value: object, lang: str) -> str:
    if type(value) is dict:
        return in_lang(value, lang)
    if _isinstance(value, TextError):
        return in_lang(cast(TextError, value).text, lang)
    return str(value)


def msg(key: str, **params: object) -> Text:
    """The sentence ``key`` in every language, with ``params`` filled in."""
    en, ko = MESSAGES[key]
    return {
        lang: template.format(**{name: _render(v, lang) for name, v in params.items()})
        for lang, template in (("en", en), ("ko", ko))
    }


def same(text: str) -> Text:
    """Words that read the same in every language (a number, a type name, a repr)."""
    return {"en": text, "ko": text}


def join(parts: Iterable[Text | str], separator: str) -> Text:
    """The parts one after the other, each in its own language."""
    items = list(parts)
    return {lang: separator.join(_render(p, lang) for p in items) for lang in ("en", "ko")}


def cut(text: Text, limit: int) -> Text:
    """Each language's text cut to ``limit`` characters (an ellipsis marks the cut)."""
    return {lang: s if len(s) <= limit else s[:limit] + "…" for lang, s in text.items()}


def memory_limit(memory_mb: int) -> Text:
    """The one sentence for a run that used more memory than allowed."""
    return msg("memory_limit", mb=memory_mb)


class TextError(Exception):
    """An error whose message is for the student, in every language (:attr:`text`)."""

    def __init__(self, text: Text) -> None:
        super().__init__(text.get("en", ""))
        self.text = text
