/** 발표 모드에서 단원 본문 대신 보여 주는 슬라이드용 요약. 키는 slides.en.ts와 같아야 한다. */
import type { SlideKey } from './slides.en';

export const slidesKo: Record<SlideKey, string> = {
  'why.title': 'SE는 왜 필요한가',
  'why.1': '합성곱의 가중치는 공간 패턴을 찾으면서 채널의 비중까지 정합니다.',
  'why.2': '학습이 끝나면 고정되어서 어떤 이미지든 채널 비중이 똑같습니다.',
  'why.3': 'SE는 이미지마다 채널 가중치 s_c를 새로 계산합니다.',

  'squeeze.title': '스퀴즈',
  'squeeze.1': '전역 평균 풀링: H×W 맵마다 평균 z_c 하나만 남깁니다.',
  'squeeze.2': '평균 C개를 모은 것이 채널 기술자 z(1×1×C)입니다. 값 하나하나가 이미지 전체를 요약합니다.',

  'excitation.title': '익사이테이션',
  'excitation.1': '완전 연결층 두 개: C → C/r → C, 가운데에 ReLU (r은 축소 비율).',
  'excitation.2': '시그모이드가 출력마다 0과 1 사이의 채널 가중치 s_c를 만듭니다.',
  'excitation.3': 's_c는 모두 z 전체로 계산됩니다(FC가 채널을 섞음). 시그모이드는 합이 1인 경쟁만 없앱니다.',

  'scale.title': '스케일',
  'scale.1': '채널 c의 모든 값에 채널 가중치 s_c를 곱합니다.',
  'scale.2': 's가 1에 가까우면 맵이 그대로 남고, 0에 가까우면 흐려집니다.',
  'scale.3': 'SE가 바꾸는 것은 채널의 크기이지 위치가 아닙니다.',

  'instantiation.title': 'SE를 넣는 자리',
  'instantiation.1': 'SE는 기존 모듈을 바꾸지 않고 그 출력 뒤에 덧붙습니다.',
  'instantiation.2': 'SE-ResNet에서는 잔차 가지 위, 덧셈 앞에 놓입니다.',
  'instantiation.3': '지름길 위에 두어도 비슷하게 잘 됩니다(표 14). 덧셈 전에 적용하는 것이 중요합니다.',

  'architecture.title': '구조',
  'architecture.1': 'SE-ResNet-50 (논문 표 1): 병목 블록마다 SE 가지, r = 16.',
  'architecture.2': '우리 모델: 32×32 이미지용 작은 ResNet, 기본 블록, r = {r}.',

  'cost.title': '비용과 r',
  'cost.1': 'SE 블록 하나가 더하는 FC 가중치는 W₁과 W₂, 모두 2C²/r개입니다.',
  'cost.2': 'r을 반으로 줄이면 가중치는 두 배가 됩니다. 논문은 r = 16을 골랐습니다.',
  'cost.3': '곱셈-덧셈은 거의 늘지 않습니다. FC는 z를 이미지당 한 번만 만나니까요.',

  'results.title': '결과',
  'results.1': 'ImageNet의 ResNet-50 top-1 오류율: {t2Plain}% → SE {t2Se}% (표 2).',
  'results.2': '우리 모델만큼 작은 신경망에서는 발표된 이득이 1%p 이하입니다.',
  'results.3': '우리 모델, 각각 학습 한 번: SE 적용 {se}, 일반 {plain}.',

  'summary.title': '요약',
  'summary.1': '스퀴즈: z_c = 맵 c의 평균. 익사이테이션: s = σ(W₂ δ(W₁ z)).',
  'summary.2': '스케일: 맵마다 채널 가중치 s_c를 곱하고, 그다음 지름길을 더합니다.',
  'summary.3': '비용: 블록마다 FC 가중치 2C²/r개, 우리 모델은 파라미터 +{paramsPct}.',
};
