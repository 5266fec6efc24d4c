"""Contains all the data models used in inputs/outputs"""

from .audit_page import AuditPage
from .audit_record import AuditRecord
from .authorization_appeal_decision_in import AuthorizationAppealDecisionIn
from .authorization_appeal_decision_in_outcome import (
    AuthorizationAppealDecisionInOutcome,
)
from .authorization_authorization import AuthorizationAuthorization
from .authorization_authorization_answers import AuthorizationAuthorizationAnswers
from .authorization_authorization_answers_answers import (
    AuthorizationAuthorizationAnswersAnswers,
)
from .authorization_authorization_page import AuthorizationAuthorizationPage
from .authorization_authorization_summary import AuthorizationAuthorizationSummary
from .authorization_benefits_out import AuthorizationBenefitsOut
from .authorization_coverage_policy import AuthorizationCoveragePolicy
from .authorization_coverage_policy_coverage import AuthorizationCoveragePolicyCoverage
from .authorization_coverage_policy_pa_type_0 import AuthorizationCoveragePolicyPaType0
from .authorization_criteria import AuthorizationCriteria
from .authorization_criterion_out import AuthorizationCriterionOut
from .authorization_criterion_out_status import AuthorizationCriterionOutStatus
from .authorization_decision_line_in import AuthorizationDecisionLineIn
from .authorization_decision_time_frames import AuthorizationDecisionTimeFrames
from .authorization_document_in import AuthorizationDocumentIn
from .authorization_document_out import AuthorizationDocumentOut
from .authorization_document_out_fhir import AuthorizationDocumentOutFhir
from .authorization_eligibility_check_out import AuthorizationEligibilityCheckOut
from .authorization_eligibility_check_out_status import (
    AuthorizationEligibilityCheckOutStatus,
)
from .authorization_eligibility_check_out_trigger import (
    AuthorizationEligibilityCheckOutTrigger,
)
from .authorization_eligibility_page import AuthorizationEligibilityPage
from .authorization_eligibility_request import AuthorizationEligibilityRequest
from .authorization_estimate_out import AuthorizationEstimateOut
from .authorization_estimate_out_basis import AuthorizationEstimateOutBasis
from .authorization_flag_out import AuthorizationFlagOut
from .authorization_flag_page import AuthorizationFlagPage
from .authorization_history_out import AuthorizationHistoryOut
from .authorization_history_out_detail import AuthorizationHistoryOutDetail
from .authorization_line_out import AuthorizationLineOut
from .authorization_metrics_out import AuthorizationMetricsOut
from .authorization_option_out import AuthorizationOptionOut
from .authorization_pa_appeal_in import AuthorizationPaAppealIn
from .authorization_pa_appeal_in_payer_type_type_0 import (
    AuthorizationPaAppealInPayerTypeType0,
)
from .authorization_pa_appeal_list import AuthorizationPaAppealList
from .authorization_pa_appeal_out import AuthorizationPaAppealOut
from .authorization_pa_appeal_out_outcome_type_0 import (
    AuthorizationPaAppealOutOutcomeType0,
)
from .authorization_pa_appeal_out_status import AuthorizationPaAppealOutStatus
from .authorization_payer import AuthorizationPayer
from .authorization_payer_decision_in import AuthorizationPayerDecisionIn
from .authorization_payer_decision_in_channel import AuthorizationPayerDecisionInChannel
from .authorization_payer_decision_in_outcome import AuthorizationPayerDecisionInOutcome
from .authorization_payer_out import AuthorizationPayerOut
from .authorization_payer_page import AuthorizationPayerPage
from .authorization_payer_payer_type import AuthorizationPayerPayerType
from .authorization_payer_ref_out import AuthorizationPayerRefOut
from .authorization_period import AuthorizationPeriod
from .authorization_plan import AuthorizationPlan
from .authorization_plan_default_coverage_type_0 import (
    AuthorizationPlanDefaultCoverageType0,
)
from .authorization_plan_default_pa_type_0 import AuthorizationPlanDefaultPaType0
from .authorization_plan_payer_type_type_0 import AuthorizationPlanPayerTypeType0
from .authorization_policy_list import AuthorizationPolicyList
from .authorization_policy_list_out import AuthorizationPolicyListOut
from .authorization_policy_version import AuthorizationPolicyVersion
from .authorization_preferred_product import AuthorizationPreferredProduct
from .authorization_product_preference import AuthorizationProductPreference
from .authorization_product_preference_mode import AuthorizationProductPreferenceMode
from .authorization_quantity_limit import AuthorizationQuantityLimit
from .authorization_question_out import AuthorizationQuestionOut
from .authorization_rates import AuthorizationRates
from .authorization_reauth_rule import AuthorizationReauthRule
from .authorization_rejection_out import AuthorizationRejectionOut
from .authorization_renewal_out import AuthorizationRenewalOut
from .authorization_renewal_out_outcome import AuthorizationRenewalOutOutcome
from .authorization_renewal_out_reasons_item import AuthorizationRenewalOutReasonsItem
from .authorization_renewal_page import AuthorizationRenewalPage
from .authorization_requirement import AuthorizationRequirement
from .authorization_requirement_applies import AuthorizationRequirementApplies
from .authorization_requirement_type import AuthorizationRequirementType
from .authorization_resolution_out import AuthorizationResolutionOut
from .authorization_resolve_request import AuthorizationResolveRequest
from .authorization_schedule_in import AuthorizationScheduleIn
from .authorization_time_frame import AuthorizationTimeFrame
from .authorization_time_frame_unit import AuthorizationTimeFrameUnit
from .authorization_turnaround import AuthorizationTurnaround
from .authorization_withdraw_in import AuthorizationWithdrawIn
from .board import Board
from .board_chairs_item import BoardChairsItem
from .board_orders import BoardOrders
from .board_orders_additional_property_type_0 import BoardOrdersAdditionalPropertyType0
from .board_unplaced_item import BoardUnplacedItem
from .delivery import Delivery
from .delivery_page import DeliveryPage
from .delivery_status import DeliveryStatus
from .get_alerts_audience_type_0 import GetAlertsAudienceType0
from .get_authorizations_status_type_0 import GetAuthorizationsStatusType0
from .get_orders_order_id_payer_identity_purpose import (
    GetOrdersOrderIdPayerIdentityPurpose,
)
from .get_patients_patient_id_coverages_coverage_id_history_purpose import (
    GetPatientsPatientIdCoveragesCoverageIdHistoryPurpose,
)
from .get_patients_patient_id_coverages_purpose import (
    GetPatientsPatientIdCoveragesPurpose,
)
from .get_patients_patient_id_coverages_status_type_0 import (
    GetPatientsPatientIdCoveragesStatusType0,
)
from .get_patients_patient_id_demographics_purpose import (
    GetPatientsPatientIdDemographicsPurpose,
)
from .get_patients_patient_id_payer_identity_purpose import (
    GetPatientsPatientIdPayerIdentityPurpose,
)
from .get_practitioners_role_type_0 import GetPractitionersRoleType0
from .get_recalls_status_type_0 import GetRecallsStatusType0
from .get_reports_margin_by import GetReportsMarginBy
from .get_reports_margin_csv_by import GetReportsMarginCsvBy
from .get_reports_referrals_csv_period import GetReportsReferralsCsvPeriod
from .get_reports_referrals_period import GetReportsReferralsPeriod
from .get_underpayments_csv_status import GetUnderpaymentsCsvStatus
from .get_underpayments_status import GetUnderpaymentsStatus
from .jwk import Jwk
from .jwks import Jwks
from .orders_access_entry_out import OrdersAccessEntryOut
from .orders_access_entry_out_purpose import OrdersAccessEntryOutPurpose
from .orders_action_in import OrdersActionIn
from .orders_action_in_kind import OrdersActionInKind
from .orders_action_out import OrdersActionOut
from .orders_acute_outcome_out import OrdersAcuteOutcomeOut
from .orders_address_in import OrdersAddressIn
from .orders_address_out import OrdersAddressOut
from .orders_administration_in import OrdersAdministrationIn
from .orders_administration_out import OrdersAdministrationOut
from .orders_ahs_out import OrdersAhsOut
from .orders_alert_out import OrdersAlertOut
from .orders_alert_out_audience import OrdersAlertOutAudience
from .orders_allergy_in import OrdersAllergyIn
from .orders_allergy_in_kind import OrdersAllergyInKind
from .orders_assessment_in import OrdersAssessmentIn
from .orders_assessment_in_kind import OrdersAssessmentInKind
from .orders_assessment_out import OrdersAssessmentOut
from .orders_assessments_out import OrdersAssessmentsOut
from .orders_cancel_in import OrdersCancelIn
from .orders_check_out import OrdersCheckOut
from .orders_clearance_in import OrdersClearanceIn
from .orders_complete_in import OrdersCompleteIn
from .orders_course_in import OrdersCourseIn
from .orders_coverage_in import OrdersCoverageIn
from .orders_coverage_in_priority import OrdersCoverageInPriority
from .orders_coverage_in_relationship import OrdersCoverageInRelationship
from .orders_coverage_out import OrdersCoverageOut
from .orders_coverage_out_priority import OrdersCoverageOutPriority
from .orders_coverage_out_relationship import OrdersCoverageOutRelationship
from .orders_coverage_out_status import OrdersCoverageOutStatus
from .orders_coverage_patch import OrdersCoveragePatch
from .orders_coverage_patch_priority_type_0 import OrdersCoveragePatchPriorityType0
from .orders_coverage_patch_relationship_type_0 import (
    OrdersCoveragePatchRelationshipType0,
)
from .orders_coverage_version_out import OrdersCoverageVersionOut
from .orders_coverage_version_out_priority import OrdersCoverageVersionOutPriority
from .orders_coverage_version_out_relationship import (
    OrdersCoverageVersionOutRelationship,
)
from .orders_coverage_version_out_status import OrdersCoverageVersionOutStatus
from .orders_criterion_out import OrdersCriterionOut
from .orders_demographics_out import OrdersDemographicsOut
from .orders_demographics_out_sex import OrdersDemographicsOutSex
from .orders_discharge_check_in import OrdersDischargeCheckIn
from .orders_discharge_out import OrdersDischargeOut
from .orders_dose_rule_in import OrdersDoseRuleIn
from .orders_dose_rule_in_kind import OrdersDoseRuleInKind
from .orders_drug_versions_response import OrdersDrugVersionsResponse
from .orders_ed_avoided_out import OrdersEdAvoidedOut
from .orders_escort_in import OrdersEscortIn
from .orders_escort_out import OrdersEscortOut
from .orders_fhir_out import OrdersFhirOut
from .orders_fhir_out_criticality import OrdersFhirOutCriticality
from .orders_fhir_out_severity import OrdersFhirOutSeverity
from .orders_fhir_out_type import OrdersFhirOutType
from .orders_finding_out import OrdersFindingOut
from .orders_finding_out_severity import OrdersFindingOutSeverity
from .orders_fluid_line_in import OrdersFluidLineIn
from .orders_fluid_line_in_purpose import OrdersFluidLineInPurpose
from .orders_follow_up_in import OrdersFollowUpIn
from .orders_follow_up_in_checkpoint_hours import OrdersFollowUpInCheckpointHours
from .orders_follow_up_out import OrdersFollowUpOut
from .orders_get_drug_response import OrdersGetDrugResponse
from .orders_list_drugs_response import OrdersListDrugsResponse
from .orders_lookup_in import OrdersLookupIn
from .orders_lookup_in_purpose import OrdersLookupInPurpose
from .orders_lookup_out import OrdersLookupOut
from .orders_medication_in import OrdersMedicationIn
from .orders_observation_in import OrdersObservationIn
from .orders_observation_kind_in import OrdersObservationKindIn
from .orders_observation_kind_out import OrdersObservationKindOut
from .orders_observation_out import OrdersObservationOut
from .orders_order_create import OrdersOrderCreate
from .orders_order_create_triage_category_type_0 import (
    OrdersOrderCreateTriageCategoryType0,
)
from .orders_order_create_urgency import OrdersOrderCreateUrgency
from .orders_order_line_in import OrdersOrderLineIn
from .orders_order_line_in_mode import OrdersOrderLineInMode
from .orders_order_out import OrdersOrderOut
from .orders_order_out_history_item import OrdersOrderOutHistoryItem
from .orders_order_out_lines_item import OrdersOrderOutLinesItem
from .orders_order_out_payer_type_0 import OrdersOrderOutPayerType0
from .orders_order_out_requested_window_type_0 import OrdersOrderOutRequestedWindowType0
from .orders_order_update import OrdersOrderUpdate
from .orders_order_update_triage_category_type_0 import (
    OrdersOrderUpdateTriageCategoryType0,
)
from .orders_order_update_urgency_type_0 import OrdersOrderUpdateUrgencyType0
from .orders_outcomes_report_out import OrdersOutcomesReportOut
from .orders_outside_dose_in import OrdersOutsideDoseIn
from .orders_outside_dose_out import OrdersOutsideDoseOut
from .orders_override_in import OrdersOverrideIn
from .orders_override_out import OrdersOverrideOut
from .orders_page_access_entry_out import OrdersPageAccessEntryOut
from .orders_page_alert_out import OrdersPageAlertOut
from .orders_page_coverage_out import OrdersPageCoverageOut
from .orders_page_coverage_version_out import OrdersPageCoverageVersionOut
from .orders_page_observation_kind_out import OrdersPageObservationKindOut
from .orders_page_observation_out import OrdersPageObservationOut
from .orders_page_order_out import OrdersPageOrderOut
from .orders_page_outside_dose_out import OrdersPageOutsideDoseOut
from .orders_page_patient_out import OrdersPagePatientOut
from .orders_page_practitioner_out import OrdersPagePractitionerOut
from .orders_page_protocol_out import OrdersPageProtocolOut
from .orders_page_reaction_out import OrdersPageReactionOut
from .orders_pain_score_in import OrdersPainScoreIn
from .orders_pain_score_in_point import OrdersPainScoreInPoint
from .orders_pain_score_out import OrdersPainScoreOut
from .orders_pain_scores_out import OrdersPainScoresOut
from .orders_patient_create import OrdersPatientCreate
from .orders_patient_create_sex import OrdersPatientCreateSex
from .orders_patient_demographics_in import OrdersPatientDemographicsIn
from .orders_patient_demographics_in_sex_type_0 import (
    OrdersPatientDemographicsInSexType0,
)
from .orders_patient_out import OrdersPatientOut
from .orders_patient_out_allergies_item import OrdersPatientOutAllergiesItem
from .orders_patient_out_medications_item import OrdersPatientOutMedicationsItem
from .orders_patient_update import OrdersPatientUpdate
from .orders_patient_update_sex import OrdersPatientUpdateSex
from .orders_payer_identity_out import OrdersPayerIdentityOut
from .orders_payer_in import OrdersPayerIn
from .orders_person_in import OrdersPersonIn
from .orders_person_in_sex import OrdersPersonInSex
from .orders_person_out import OrdersPersonOut
from .orders_person_out_sex import OrdersPersonOutSex
from .orders_practitioner_in import OrdersPractitionerIn
from .orders_practitioner_in_roles_item import OrdersPractitionerInRolesItem
from .orders_practitioner_out import OrdersPractitionerOut
from .orders_practitioner_out_roles_item import OrdersPractitionerOutRolesItem
from .orders_practitioner_patch import OrdersPractitionerPatch
from .orders_practitioner_patch_roles_type_0_item import (
    OrdersPractitionerPatchRolesType0Item,
)
from .orders_preventive_summary_out import OrdersPreventiveSummaryOut
from .orders_protocol_create import OrdersProtocolCreate
from .orders_protocol_create_population import OrdersProtocolCreatePopulation
from .orders_protocol_line_in import OrdersProtocolLineIn
from .orders_protocol_line_in_mode import OrdersProtocolLineInMode
from .orders_protocol_out import OrdersProtocolOut
from .orders_protocol_out_lines_item import OrdersProtocolOutLinesItem
from .orders_protocol_row_out import OrdersProtocolRowOut
from .orders_put_drug_request import OrdersPutDrugRequest
from .orders_put_drug_response import OrdersPutDrugResponse
from .orders_rate_out import OrdersRateOut
from .orders_reaction_count_out import OrdersReactionCountOut
from .orders_reaction_in import OrdersReactionIn
from .orders_reaction_in_kind import OrdersReactionInKind
from .orders_reaction_in_outcome import OrdersReactionInOutcome
from .orders_reaction_in_rechallenge import OrdersReactionInRechallenge
from .orders_reaction_in_term import OrdersReactionInTerm
from .orders_reaction_note_out import OrdersReactionNoteOut
from .orders_reaction_out import OrdersReactionOut
from .orders_reaction_report_out import OrdersReactionReportOut
from .orders_reaction_vitals_in import OrdersReactionVitalsIn
from .orders_reaction_vitals_out import OrdersReactionVitalsOut
from .orders_rescue_in import OrdersRescueIn
from .orders_rescue_in_route import OrdersRescueInRoute
from .orders_rescue_out import OrdersRescueOut
from .orders_responses_out import OrdersResponsesOut
from .orders_rules_response import OrdersRulesResponse
from .orders_stats_out import OrdersStatsOut
from .orders_suspect_in import OrdersSuspectIn
from .orders_suspect_out import OrdersSuspectOut
from .orders_visit_outcome_out import OrdersVisitOutcomeOut
from .orders_visit_result_out import OrdersVisitResultOut
from .orders_visit_result_out_result import OrdersVisitResultOutResult
from .orders_vital_finding_out import OrdersVitalFindingOut
from .orders_vitals_in import OrdersVitalsIn
from .orders_vitals_in_kind import OrdersVitalsInKind
from .orders_vitals_in_poss_type_0 import OrdersVitalsInPossType0
from .orders_vitals_list import OrdersVitalsList
from .orders_vitals_out import OrdersVitalsOut
from .orders_vitals_out_kind import OrdersVitalsOutKind
from .orders_vitals_out_poss_type_0 import OrdersVitalsOutPossType0
from .orders_window_in import OrdersWindowIn
from .problem import Problem
from .problem_errors_type_0_item import ProblemErrorsType0Item
from .reimbursement_address_in import ReimbursementAddressIn
from .reimbursement_address_out import ReimbursementAddressOut
from .reimbursement_aging_row_out import ReimbursementAgingRowOut
from .reimbursement_appeal_in import ReimbursementAppealIn
from .reimbursement_appeal_in_payer_type_type_0 import (
    ReimbursementAppealInPayerTypeType0,
)
from .reimbursement_appeal_out import ReimbursementAppealOut
from .reimbursement_appeal_out_kind import ReimbursementAppealOutKind
from .reimbursement_appeal_out_outcome_type_0 import ReimbursementAppealOutOutcomeType0
from .reimbursement_appeal_out_status import ReimbursementAppealOutStatus
from .reimbursement_ar_aging_out import ReimbursementArAgingOut
from .reimbursement_ar_report_out import ReimbursementArReportOut
from .reimbursement_ar_report_out_aging_item import ReimbursementArReportOutAgingItem
from .reimbursement_billing_identity_in import ReimbursementBillingIdentityIn
from .reimbursement_billing_identity_out import ReimbursementBillingIdentityOut
from .reimbursement_carc_group_out import ReimbursementCarcGroupOut
from .reimbursement_carc_row_out import ReimbursementCarcRowOut
from .reimbursement_claim_action_in import ReimbursementClaimActionIn
from .reimbursement_claim_fhir_response import ReimbursementClaimFhirResponse
from .reimbursement_claim_line_out import ReimbursementClaimLineOut
from .reimbursement_claim_line_out_kind import ReimbursementClaimLineOutKind
from .reimbursement_claim_out import ReimbursementClaimOut
from .reimbursement_claim_status_in import ReimbursementClaimStatusIn
from .reimbursement_claim_status_in_action import ReimbursementClaimStatusInAction
from .reimbursement_closed_version import ReimbursementClosedVersion
from .reimbursement_cob_out import ReimbursementCobOut
from .reimbursement_cob_out_crossover_type_0 import ReimbursementCobOutCrossoverType0
from .reimbursement_cob_out_role import ReimbursementCobOutRole
from .reimbursement_cob_out_state import ReimbursementCobOutState
from .reimbursement_contract_item_in import ReimbursementContractItemIn
from .reimbursement_contract_item_out import ReimbursementContractItemOut
from .reimbursement_contract_ref_out import ReimbursementContractRefOut
from .reimbursement_contract_terms_out import ReimbursementContractTermsOut
from .reimbursement_contract_terms_out_drug_pricing import (
    ReimbursementContractTermsOutDrugPricing,
)
from .reimbursement_contract_terms_out_payer_kind import (
    ReimbursementContractTermsOutPayerKind,
)
from .reimbursement_contract_terms_out_rates import ReimbursementContractTermsOutRates
from .reimbursement_contract_version_in import ReimbursementContractVersionIn
from .reimbursement_contract_version_in_drug_pricing import (
    ReimbursementContractVersionInDrugPricing,
)
from .reimbursement_contract_version_in_payer_kind import (
    ReimbursementContractVersionInPayerKind,
)
from .reimbursement_contract_version_in_rates import ReimbursementContractVersionInRates
from .reimbursement_contract_version_out import ReimbursementContractVersionOut
from .reimbursement_contract_version_out_kind import ReimbursementContractVersionOutKind
from .reimbursement_contract_version_page import ReimbursementContractVersionPage
from .reimbursement_credit_balance_out import ReimbursementCreditBalanceOut
from .reimbursement_cycle_report_out import ReimbursementCycleReportOut
from .reimbursement_decision_in import ReimbursementDecisionIn
from .reimbursement_decision_in_outcome import ReimbursementDecisionInOutcome
from .reimbursement_denial_out import ReimbursementDenialOut
from .reimbursement_denials_by_carc_out import ReimbursementDenialsByCarcOut
from .reimbursement_document_in import ReimbursementDocumentIn
from .reimbursement_document_out import ReimbursementDocumentOut
from .reimbursement_document_out_fhir import ReimbursementDocumentOutFhir
from .reimbursement_enrollment_in import ReimbursementEnrollmentIn
from .reimbursement_enrollment_in_status import ReimbursementEnrollmentInStatus
from .reimbursement_enrollment_out import ReimbursementEnrollmentOut
from .reimbursement_enrollment_out_status import ReimbursementEnrollmentOutStatus
from .reimbursement_enrollment_page import ReimbursementEnrollmentPage
from .reimbursement_escalate_in import ReimbursementEscalateIn
from .reimbursement_fee_schedule_item import ReimbursementFeeScheduleItem
from .reimbursement_fee_schedule_item_detail import ReimbursementFeeScheduleItemDetail
from .reimbursement_fee_schedule_item_kind import ReimbursementFeeScheduleItemKind
from .reimbursement_file_in import ReimbursementFileIn
from .reimbursement_gpo_contract_in import ReimbursementGpoContractIn
from .reimbursement_gpo_contract_out import ReimbursementGpoContractOut
from .reimbursement_gpo_contract_page import ReimbursementGpoContractPage
from .reimbursement_gpo_savings_out import ReimbursementGpoSavingsOut
from .reimbursement_hold_out import ReimbursementHoldOut
from .reimbursement_inventory_item_out import ReimbursementInventoryItemOut
from .reimbursement_inventory_page import ReimbursementInventoryPage
from .reimbursement_inventory_page_expiring_item import (
    ReimbursementInventoryPageExpiringItem,
)
from .reimbursement_inventory_page_flags_item import ReimbursementInventoryPageFlagsItem
from .reimbursement_inventory_page_stock_outs_item import (
    ReimbursementInventoryPageStockOutsItem,
)
from .reimbursement_invoice_in import ReimbursementInvoiceIn
from .reimbursement_invoice_line_in import ReimbursementInvoiceLineIn
from .reimbursement_invoice_line_out import ReimbursementInvoiceLineOut
from .reimbursement_invoice_out import ReimbursementInvoiceOut
from .reimbursement_invoice_page import ReimbursementInvoicePage
from .reimbursement_load_asp_response import ReimbursementLoadAspResponse
from .reimbursement_lot_out import ReimbursementLotOut
from .reimbursement_margin_report import ReimbursementMarginReport
from .reimbursement_margin_row_out import ReimbursementMarginRowOut
from .reimbursement_ndc_in import ReimbursementNdcIn
from .reimbursement_page_claim_out import ReimbursementPageClaimOut
from .reimbursement_page_fee_schedule_item import ReimbursementPageFeeScheduleItem
from .reimbursement_page_quarantined_remittance import (
    ReimbursementPageQuarantinedRemittance,
)
from .reimbursement_payer_claim_rules_in import ReimbursementPayerClaimRulesIn
from .reimbursement_payer_claim_rules_out import ReimbursementPayerClaimRulesOut
from .reimbursement_payment_out import ReimbursementPaymentOut
from .reimbursement_payment_out_adjustments_item import (
    ReimbursementPaymentOutAdjustmentsItem,
)
from .reimbursement_product_in import ReimbursementProductIn
from .reimbursement_product_in_ndc_unit import ReimbursementProductInNdcUnit
from .reimbursement_product_in_strength_unit import ReimbursementProductInStrengthUnit
from .reimbursement_provider_adjustment_out import ReimbursementProviderAdjustmentOut
from .reimbursement_quarantine_reason import ReimbursementQuarantineReason
from .reimbursement_quarantined_remittance import ReimbursementQuarantinedRemittance
from .reimbursement_quarantined_remittance_keys_item import (
    ReimbursementQuarantinedRemittanceKeysItem,
)
from .reimbursement_rate_table_version_in import ReimbursementRateTableVersionIn
from .reimbursement_rate_table_version_in_rates import (
    ReimbursementRateTableVersionInRates,
)
from .reimbursement_rate_table_version_out import ReimbursementRateTableVersionOut
from .reimbursement_rate_table_version_out_kind import (
    ReimbursementRateTableVersionOutKind,
)
from .reimbursement_rate_table_version_out_rates import (
    ReimbursementRateTableVersionOutRates,
)
from .reimbursement_rate_table_version_page import ReimbursementRateTableVersionPage
from .reimbursement_rebate_in import ReimbursementRebateIn
from .reimbursement_rebate_in_kind import ReimbursementRebateInKind
from .reimbursement_rebate_out import ReimbursementRebateOut
from .reimbursement_receipt_in import ReimbursementReceiptIn
from .reimbursement_referral_report_out import ReimbursementReferralReportOut
from .reimbursement_referral_row_out import ReimbursementReferralRowOut
from .reimbursement_release_in import ReimbursementReleaseIn
from .reimbursement_remittance_out import ReimbursementRemittanceOut
from .reimbursement_remittance_out_claims_item import (
    ReimbursementRemittanceOutClaimsItem,
)
from .reimbursement_remittance_out_remittances_item import (
    ReimbursementRemittanceOutRemittancesItem,
)
from .reimbursement_reorder_out import ReimbursementReorderOut
from .reimbursement_reorder_row_out import ReimbursementReorderRowOut
from .reimbursement_review import ReimbursementReview
from .reimbursement_savings_row_out import ReimbursementSavingsRowOut
from .reimbursement_submission_out import ReimbursementSubmissionOut
from .reimbursement_submission_out_frequency import ReimbursementSubmissionOutFrequency
from .reimbursement_submission_out_outcome import ReimbursementSubmissionOutOutcome
from .reimbursement_tier_in import ReimbursementTierIn
from .reimbursement_tier_out import ReimbursementTierOut
from .reimbursement_timely_filing_out import ReimbursementTimelyFilingOut
from .reimbursement_transition_out import ReimbursementTransitionOut
from .reimbursement_underpayment_page import ReimbursementUnderpaymentPage
from .reimbursement_variance_out import ReimbursementVarianceOut
from .reimbursement_variance_out_status import ReimbursementVarianceOutStatus
from .reimbursement_wac_in import ReimbursementWacIn
from .reimbursement_wac_list_in import ReimbursementWacListIn
from .reimbursement_wac_out import ReimbursementWacOut
from .reimbursement_wac_page import ReimbursementWacPage
from .scheduling_alert_out import SchedulingAlertOut
from .scheduling_appointment_create import SchedulingAppointmentCreate
from .scheduling_appointment_move import SchedulingAppointmentMove
from .scheduling_appointment_out import SchedulingAppointmentOut
from .scheduling_appointment_out_status import SchedulingAppointmentOutStatus
from .scheduling_appointment_out_urgency import SchedulingAppointmentOutUrgency
from .scheduling_appointment_page import SchedulingAppointmentPage
from .scheduling_break_in import SchedulingBreakIn
from .scheduling_bucket_out import SchedulingBucketOut
from .scheduling_cancel_body import SchedulingCancelBody
from .scheduling_chair_in import SchedulingChairIn
from .scheduling_chair_out import SchedulingChairOut
from .scheduling_check_in_out import SchedulingCheckInOut
from .scheduling_check_in_out_status import SchedulingCheckInOutStatus
from .scheduling_check_in_out_urgency import SchedulingCheckInOutUrgency
from .scheduling_clinic_hours_in import SchedulingClinicHoursIn
from .scheduling_clinic_hours_out import SchedulingClinicHoursOut
from .scheduling_consecutive_days import SchedulingConsecutiveDays
from .scheduling_day_offsets import SchedulingDayOffsets
from .scheduling_day_out import SchedulingDayOut
from .scheduling_figures_out import SchedulingFiguresOut
from .scheduling_forecast_model_out import SchedulingForecastModelOut
from .scheduling_hour_out import SchedulingHourOut
from .scheduling_move_out import SchedulingMoveOut
from .scheduling_not_planned_out import SchedulingNotPlannedOut
from .scheduling_nurse_shift_in import SchedulingNurseShiftIn
from .scheduling_nurse_shift_out import SchedulingNurseShiftOut
from .scheduling_optimize_out import SchedulingOptimizeOut
from .scheduling_pattern_out import SchedulingPatternOut
from .scheduling_pattern_out_kind import SchedulingPatternOutKind
from .scheduling_pharmacist_shift_in import SchedulingPharmacistShiftIn
from .scheduling_pharmacist_shift_out import SchedulingPharmacistShiftOut
from .scheduling_pharmacy_hoods_in import SchedulingPharmacyHoodsIn
from .scheduling_pharmacy_hoods_out import SchedulingPharmacyHoodsOut
from .scheduling_placement import SchedulingPlacement
from .scheduling_ratio_policy_in import SchedulingRatioPolicyIn
from .scheduling_ratio_policy_in_ratios import SchedulingRatioPolicyInRatios
from .scheduling_ratio_policy_in_setup_minutes import (
    SchedulingRatioPolicyInSetupMinutes,
)
from .scheduling_ratio_policy_out import SchedulingRatioPolicyOut
from .scheduling_ratio_policy_out_ratios import SchedulingRatioPolicyOutRatios
from .scheduling_ratio_policy_out_setup_minutes import (
    SchedulingRatioPolicyOutSetupMinutes,
)
from .scheduling_recall_out import SchedulingRecallOut
from .scheduling_recall_out_status import SchedulingRecallOutStatus
from .scheduling_recall_page import SchedulingRecallPage
from .scheduling_recommendation_out import SchedulingRecommendationOut
from .scheduling_rule_out import SchedulingRuleOut
from .scheduling_rule_out_section_7_classes import SchedulingRuleOutSection7Classes
from .scheduling_rule_out_weights import SchedulingRuleOutWeights
from .scheduling_series_create import SchedulingSeriesCreate
from .scheduling_series_out import SchedulingSeriesOut
from .scheduling_series_shift import SchedulingSeriesShift
from .scheduling_series_visit_out import SchedulingSeriesVisitOut
from .scheduling_shift_offer_out import SchedulingShiftOfferOut
from .scheduling_shift_offer_out_reason import SchedulingShiftOfferOutReason
from .scheduling_shift_out import SchedulingShiftOut
from .scheduling_slot_out import SchedulingSlotOut
from .scheduling_staffing_forecast_out import SchedulingStaffingForecastOut
from .scheduling_totals_out import SchedulingTotalsOut
from .scheduling_warning_out import SchedulingWarningOut
from .scheduling_weekday_hours import SchedulingWeekdayHours
from .scheduling_window_in import SchedulingWindowIn
from .scheduling_window_out import SchedulingWindowOut
from .stream_message import StreamMessage
from .stream_message_data import StreamMessageData
from .subscription import Subscription
from .subscription_in import SubscriptionIn
from .subscription_page import SubscriptionPage
from .subscription_patch import SubscriptionPatch
from .subscription_patch_status_type_0 import SubscriptionPatchStatusType0
from .subscription_status import SubscriptionStatus
from .token_request import TokenRequest
from .token_request_grant_type import TokenRequestGrantType
from .token_response import TokenResponse
from .unavailable import Unavailable
from .visit import Visit
from .visit_appointment_type_0 import VisitAppointmentType0
from .visit_authorization_type_0 import VisitAuthorizationType0
from .visit_claim_type_0 import VisitClaimType0
from .visit_order_type_0 import VisitOrderType0

__all__ = (
    "AuditPage",
    "AuditRecord",
    "AuthorizationAppealDecisionIn",
    "AuthorizationAppealDecisionInOutcome",
    "AuthorizationAuthorization",
    "AuthorizationAuthorizationAnswers",
    "AuthorizationAuthorizationAnswersAnswers",
    "AuthorizationAuthorizationPage",
    "AuthorizationAuthorizationSummary",
    "AuthorizationBenefitsOut",
    "AuthorizationCoveragePolicy",
    "AuthorizationCoveragePolicyCoverage",
    "AuthorizationCoveragePolicyPaType0",
    "AuthorizationCriteria",
    "AuthorizationCriterionOut",
    "AuthorizationCriterionOutStatus",
    "AuthorizationDecisionLineIn",
    "AuthorizationDecisionTimeFrames",
    "AuthorizationDocumentIn",
    "AuthorizationDocumentOut",
    "AuthorizationDocumentOutFhir",
    "AuthorizationEligibilityCheckOut",
    "AuthorizationEligibilityCheckOutStatus",
    "AuthorizationEligibilityCheckOutTrigger",
    "AuthorizationEligibilityPage",
    "AuthorizationEligibilityRequest",
    "AuthorizationEstimateOut",
    "AuthorizationEstimateOutBasis",
    "AuthorizationFlagOut",
    "AuthorizationFlagPage",
    "AuthorizationHistoryOut",
    "AuthorizationHistoryOutDetail",
    "AuthorizationLineOut",
    "AuthorizationMetricsOut",
    "AuthorizationOptionOut",
    "AuthorizationPaAppealIn",
    "AuthorizationPaAppealInPayerTypeType0",
    "AuthorizationPaAppealList",
    "AuthorizationPaAppealOut",
    "AuthorizationPaAppealOutOutcomeType0",
    "AuthorizationPaAppealOutStatus",
    "AuthorizationPayer",
    "AuthorizationPayerDecisionIn",
    "AuthorizationPayerDecisionInChannel",
    "AuthorizationPayerDecisionInOutcome",
    "AuthorizationPayerOut",
    "AuthorizationPayerPage",
    "AuthorizationPayerPayerType",
    "AuthorizationPayerRefOut",
    "AuthorizationPeriod",
    "AuthorizationPlan",
    "AuthorizationPlanDefaultCoverageType0",
    "AuthorizationPlanDefaultPaType0",
    "AuthorizationPlanPayerTypeType0",
    "AuthorizationPolicyList",
    "AuthorizationPolicyListOut",
    "AuthorizationPolicyVersion",
    "AuthorizationPreferredProduct",
    "AuthorizationProductPreference",
    "AuthorizationProductPreferenceMode",
    "AuthorizationQuantityLimit",
    "AuthorizationQuestionOut",
    "AuthorizationRates",
    "AuthorizationReauthRule",
    "AuthorizationRejectionOut",
    "AuthorizationRenewalOut",
    "AuthorizationRenewalOutOutcome",
    "AuthorizationRenewalOutReasonsItem",
    "AuthorizationRenewalPage",
    "AuthorizationRequirement",
    "AuthorizationRequirementApplies",
    "AuthorizationRequirementType",
    "AuthorizationResolutionOut",
    "AuthorizationResolveRequest",
    "AuthorizationScheduleIn",
    "AuthorizationTimeFrame",
    "AuthorizationTimeFrameUnit",
    "AuthorizationTurnaround",
    "AuthorizationWithdrawIn",
    "Board",
    "BoardChairsItem",
    "BoardOrders",
    "BoardOrdersAdditionalPropertyType0",
    "BoardUnplacedItem",
    "Delivery",
    "DeliveryPage",
    "DeliveryStatus",
    "GetAlertsAudienceType0",
    "GetAuthorizationsStatusType0",
    "GetOrdersOrderIdPayerIdentityPurpose",
    "GetPatientsPatientIdCoveragesCoverageIdHistoryPurpose",
    "GetPatientsPatientIdCoveragesPurpose",
    "GetPatientsPatientIdCoveragesStatusType0",
    "GetPatientsPatientIdDemographicsPurpose",
    "GetPatientsPatientIdPayerIdentityPurpose",
    "GetPractitionersRoleType0",
    "GetRecallsStatusType0",
    "GetReportsMarginBy",
    "GetReportsMarginCsvBy",
    "GetReportsReferralsCsvPeriod",
    "GetReportsReferralsPeriod",
    "GetUnderpaymentsCsvStatus",
    "GetUnderpaymentsStatus",
    "Jwk",
    "Jwks",
    "OrdersAccessEntryOut",
    "OrdersAccessEntryOutPurpose",
    "OrdersActionIn",
    "OrdersActionInKind",
    "OrdersActionOut",
    "OrdersAcuteOutcomeOut",
    "OrdersAddressIn",
    "OrdersAddressOut",
    "OrdersAdministrationIn",
    "OrdersAdministrationOut",
    "OrdersAhsOut",
    "OrdersAlertOut",
    "OrdersAlertOutAudience",
    "OrdersAllergyIn",
    "OrdersAllergyInKind",
    "OrdersAssessmentIn",
    "OrdersAssessmentInKind",
    "OrdersAssessmentOut",
    "OrdersAssessmentsOut",
    "OrdersCancelIn",
    "OrdersCheckOut",
    "OrdersClearanceIn",
    "OrdersCompleteIn",
    "OrdersCourseIn",
    "OrdersCoverageIn",
    "OrdersCoverageInPriority",
    "OrdersCoverageInRelationship",
    "OrdersCoverageOut",
    "OrdersCoverageOutPriority",
    "OrdersCoverageOutRelationship",
    "OrdersCoverageOutStatus",
    "OrdersCoveragePatch",
    "OrdersCoveragePatchPriorityType0",
    "OrdersCoveragePatchRelationshipType0",
    "OrdersCoverageVersionOut",
    "OrdersCoverageVersionOutPriority",
    "OrdersCoverageVersionOutRelationship",
    "OrdersCoverageVersionOutStatus",
    "OrdersCriterionOut",
    "OrdersDemographicsOut",
    "OrdersDemographicsOutSex",
    "OrdersDischargeCheckIn",
    "OrdersDischargeOut",
    "OrdersDoseRuleIn",
    "OrdersDoseRuleInKind",
    "OrdersDrugVersionsResponse",
    "OrdersEdAvoidedOut",
    "OrdersEscortIn",
    "OrdersEscortOut",
    "OrdersFhirOut",
    "OrdersFhirOutCriticality",
    "OrdersFhirOutSeverity",
    "OrdersFhirOutType",
    "OrdersFindingOut",
    "OrdersFindingOutSeverity",
    "OrdersFluidLineIn",
    "OrdersFluidLineInPurpose",
    "OrdersFollowUpIn",
    "OrdersFollowUpInCheckpointHours",
    "OrdersFollowUpOut",
    "OrdersGetDrugResponse",
    "OrdersListDrugsResponse",
    "OrdersLookupIn",
    "OrdersLookupInPurpose",
    "OrdersLookupOut",
    "OrdersMedicationIn",
    "OrdersObservationIn",
    "OrdersObservationKindIn",
    "OrdersObservationKindOut",
    "OrdersObservationOut",
    "OrdersOrderCreate",
    "OrdersOrderCreateTriageCategoryType0",
    "OrdersOrderCreateUrgency",
    "OrdersOrderLineIn",
    "OrdersOrderLineInMode",
    "OrdersOrderOut",
    "OrdersOrderOutHistoryItem",
    "OrdersOrderOutLinesItem",
    "OrdersOrderOutPayerType0",
    "OrdersOrderOutRequestedWindowType0",
    "OrdersOrderUpdate",
    "OrdersOrderUpdateTriageCategoryType0",
    "OrdersOrderUpdateUrgencyType0",
    "OrdersOutcomesReportOut",
    "OrdersOutsideDoseIn",
    "OrdersOutsideDoseOut",
    "OrdersOverrideIn",
    "OrdersOverrideOut",
    "OrdersPageAccessEntryOut",
    "OrdersPageAlertOut",
    "OrdersPageCoverageOut",
    "OrdersPageCoverageVersionOut",
    "OrdersPageObservationKindOut",
    "OrdersPageObservationOut",
    "OrdersPageOrderOut",
    "OrdersPageOutsideDoseOut",
    "OrdersPagePatientOut",
    "OrdersPagePractitionerOut",
    "OrdersPageProtocolOut",
    "OrdersPageReactionOut",
    "OrdersPainScoreIn",
    "OrdersPainScoreInPoint",
    "OrdersPainScoreOut",
    "OrdersPainScoresOut",
    "OrdersPatientCreate",
    "OrdersPatientCreateSex",
    "OrdersPatientDemographicsIn",
    "OrdersPatientDemographicsInSexType0",
    "OrdersPatientOut",
    "OrdersPatientOutAllergiesItem",
    "OrdersPatientOutMedicationsItem",
    "OrdersPatientUpdate",
    "OrdersPatientUpdateSex",
    "OrdersPayerIdentityOut",
    "OrdersPayerIn",
    "OrdersPersonIn",
    "OrdersPersonInSex",
    "OrdersPersonOut",
    "OrdersPersonOutSex",
    "OrdersPractitionerIn",
    "OrdersPractitionerInRolesItem",
    "OrdersPractitionerOut",
    "OrdersPractitionerOutRolesItem",
    "OrdersPractitionerPatch",
    "OrdersPractitionerPatchRolesType0Item",
    "OrdersPreventiveSummaryOut",
    "OrdersProtocolCreate",
    "OrdersProtocolCreatePopulation",
    "OrdersProtocolLineIn",
    "OrdersProtocolLineInMode",
    "OrdersProtocolOut",
    "OrdersProtocolOutLinesItem",
    "OrdersProtocolRowOut",
    "OrdersPutDrugRequest",
    "OrdersPutDrugResponse",
    "OrdersRateOut",
    "OrdersReactionCountOut",
    "OrdersReactionIn",
    "OrdersReactionInKind",
    "OrdersReactionInOutcome",
    "OrdersReactionInRechallenge",
    "OrdersReactionInTerm",
    "OrdersReactionNoteOut",
    "OrdersReactionOut",
    "OrdersReactionReportOut",
    "OrdersReactionVitalsIn",
    "OrdersReactionVitalsOut",
    "OrdersRescueIn",
    "OrdersRescueInRoute",
    "OrdersRescueOut",
    "OrdersResponsesOut",
    "OrdersRulesResponse",
    "OrdersStatsOut",
    "OrdersSuspectIn",
    "OrdersSuspectOut",
    "OrdersVisitOutcomeOut",
    "OrdersVisitResultOut",
    "OrdersVisitResultOutResult",
    "OrdersVitalFindingOut",
    "OrdersVitalsIn",
    "OrdersVitalsInKind",
    "OrdersVitalsInPossType0",
    "OrdersVitalsList",
    "OrdersVitalsOut",
    "OrdersVitalsOutKind",
    "OrdersVitalsOutPossType0",
    "OrdersWindowIn",
    "Problem",
    "ProblemErrorsType0Item",
    "ReimbursementAddressIn",
    "ReimbursementAddressOut",
    "ReimbursementAgingRowOut",
    "ReimbursementAppealIn",
    "ReimbursementAppealInPayerTypeType0",
    "ReimbursementAppealOut",
    "ReimbursementAppealOutKind",
    "ReimbursementAppealOutOutcomeType0",
    "ReimbursementAppealOutStatus",
    "ReimbursementArAgingOut",
    "ReimbursementArReportOut",
    "ReimbursementArReportOutAgingItem",
    "ReimbursementBillingIdentityIn",
    "ReimbursementBillingIdentityOut",
    "ReimbursementCarcGroupOut",
    "ReimbursementCarcRowOut",
    "ReimbursementClaimActionIn",
    "ReimbursementClaimFhirResponse",
    "ReimbursementClaimLineOut",
    "ReimbursementClaimLineOutKind",
    "ReimbursementClaimOut",
    "ReimbursementClaimStatusIn",
    "ReimbursementClaimStatusInAction",
    "ReimbursementClosedVersion",
    "ReimbursementCobOut",
    "ReimbursementCobOutCrossoverType0",
    "ReimbursementCobOutRole",
    "ReimbursementCobOutState",
    "ReimbursementContractItemIn",
    "ReimbursementContractItemOut",
    "ReimbursementContractRefOut",
    "ReimbursementContractTermsOut",
    "ReimbursementContractTermsOutDrugPricing",
    "ReimbursementContractTermsOutPayerKind",
    "ReimbursementContractTermsOutRates",
    "ReimbursementContractVersionIn",
    "ReimbursementContractVersionInDrugPricing",
    "ReimbursementContractVersionInPayerKind",
    "ReimbursementContractVersionInRates",
    "ReimbursementContractVersionOut",
    "ReimbursementContractVersionOutKind",
    "ReimbursementContractVersionPage",
    "ReimbursementCreditBalanceOut",
    "ReimbursementCycleReportOut",
    "ReimbursementDecisionIn",
    "ReimbursementDecisionInOutcome",
    "ReimbursementDenialOut",
    "ReimbursementDenialsByCarcOut",
    "ReimbursementDocumentIn",
    "ReimbursementDocumentOut",
    "ReimbursementDocumentOutFhir",
    "ReimbursementEnrollmentIn",
    "ReimbursementEnrollmentInStatus",
    "ReimbursementEnrollmentOut",
    "ReimbursementEnrollmentOutStatus",
    "ReimbursementEnrollmentPage",
    "ReimbursementEscalateIn",
    "ReimbursementFeeScheduleItem",
    "ReimbursementFeeScheduleItemDetail",
    "ReimbursementFeeScheduleItemKind",
    "ReimbursementFileIn",
    "ReimbursementGpoContractIn",
    "ReimbursementGpoContractOut",
    "ReimbursementGpoContractPage",
    "ReimbursementGpoSavingsOut",
    "ReimbursementHoldOut",
    "ReimbursementInventoryItemOut",
    "ReimbursementInventoryPage",
    "ReimbursementInventoryPageExpiringItem",
    "ReimbursementInventoryPageFlagsItem",
    "ReimbursementInventoryPageStockOutsItem",
    "ReimbursementInvoiceIn",
    "ReimbursementInvoiceLineIn",
    "ReimbursementInvoiceLineOut",
    "ReimbursementInvoiceOut",
    "ReimbursementInvoicePage",
    "ReimbursementLoadAspResponse",
    "ReimbursementLotOut",
    "ReimbursementMarginReport",
    "ReimbursementMarginRowOut",
    "ReimbursementNdcIn",
    "ReimbursementPageClaimOut",
    "ReimbursementPageFeeScheduleItem",
    "ReimbursementPageQuarantinedRemittance",
    "ReimbursementPayerClaimRulesIn",
    "ReimbursementPayerClaimRulesOut",
    "ReimbursementPaymentOut",
    "ReimbursementPaymentOutAdjustmentsItem",
    "ReimbursementProductIn",
    "ReimbursementProductInNdcUnit",
    "ReimbursementProductInStrengthUnit",
    "ReimbursementProviderAdjustmentOut",
    "ReimbursementQuarantinedRemittance",
    "ReimbursementQuarantinedRemittanceKeysItem",
    "ReimbursementQuarantineReason",
    "ReimbursementRateTableVersionIn",
    "ReimbursementRateTableVersionInRates",
    "ReimbursementRateTableVersionOut",
    "ReimbursementRateTableVersionOutKind",
    "ReimbursementRateTableVersionOutRates",
    "ReimbursementRateTableVersionPage",
    "ReimbursementRebateIn",
    "ReimbursementRebateInKind",
    "ReimbursementRebateOut",
    "ReimbursementReceiptIn",
    "ReimbursementReferralReportOut",
    "ReimbursementReferralRowOut",
    "ReimbursementReleaseIn",
    "ReimbursementRemittanceOut",
    "ReimbursementRemittanceOutClaimsItem",
    "ReimbursementRemittanceOutRemittancesItem",
    "ReimbursementReorderOut",
    "ReimbursementReorderRowOut",
    "ReimbursementReview",
    "ReimbursementSavingsRowOut",
    "ReimbursementSubmissionOut",
    "ReimbursementSubmissionOutFrequency",
    "ReimbursementSubmissionOutOutcome",
    "ReimbursementTierIn",
    "ReimbursementTierOut",
    "ReimbursementTimelyFilingOut",
    "ReimbursementTransitionOut",
    "ReimbursementUnderpaymentPage",
    "ReimbursementVarianceOut",
    "ReimbursementVarianceOutStatus",
    "ReimbursementWacIn",
    "ReimbursementWacListIn",
    "ReimbursementWacOut",
    "ReimbursementWacPage",
    "SchedulingAlertOut",
    "SchedulingAppointmentCreate",
    "SchedulingAppointmentMove",
    "SchedulingAppointmentOut",
    "SchedulingAppointmentOutStatus",
    "SchedulingAppointmentOutUrgency",
    "SchedulingAppointmentPage",
    "SchedulingBreakIn",
    "SchedulingBucketOut",
    "SchedulingCancelBody",
    "SchedulingChairIn",
    "SchedulingChairOut",
    "SchedulingCheckInOut",
    "SchedulingCheckInOutStatus",
    "SchedulingCheckInOutUrgency",
    "SchedulingClinicHoursIn",
    "SchedulingClinicHoursOut",
    "SchedulingConsecutiveDays",
    "SchedulingDayOffsets",
    "SchedulingDayOut",
    "SchedulingFiguresOut",
    "SchedulingForecastModelOut",
    "SchedulingHourOut",
    "SchedulingMoveOut",
    "SchedulingNotPlannedOut",
    "SchedulingNurseShiftIn",
    "SchedulingNurseShiftOut",
    "SchedulingOptimizeOut",
    "SchedulingPatternOut",
    "SchedulingPatternOutKind",
    "SchedulingPharmacistShiftIn",
    "SchedulingPharmacistShiftOut",
    "SchedulingPharmacyHoodsIn",
    "SchedulingPharmacyHoodsOut",
    "SchedulingPlacement",
    "SchedulingRatioPolicyIn",
    "SchedulingRatioPolicyInRatios",
    "SchedulingRatioPolicyInSetupMinutes",
    "SchedulingRatioPolicyOut",
    "SchedulingRatioPolicyOutRatios",
    "SchedulingRatioPolicyOutSetupMinutes",
    "SchedulingRecallOut",
    "SchedulingRecallOutStatus",
    "SchedulingRecallPage",
    "SchedulingRecommendationOut",
    "SchedulingRuleOut",
    "SchedulingRuleOutSection7Classes",
    "SchedulingRuleOutWeights",
    "SchedulingSeriesCreate",
    "SchedulingSeriesOut",
    "SchedulingSeriesShift",
    "SchedulingSeriesVisitOut",
    "SchedulingShiftOfferOut",
    "SchedulingShiftOfferOutReason",
    "SchedulingShiftOut",
    "SchedulingSlotOut",
    "SchedulingStaffingForecastOut",
    "SchedulingTotalsOut",
    "SchedulingWarningOut",
    "SchedulingWeekdayHours",
    "SchedulingWindowIn",
    "SchedulingWindowOut",
    "StreamMessage",
    "StreamMessageData",
    "Subscription",
    "SubscriptionIn",
    "SubscriptionPage",
    "SubscriptionPatch",
    "SubscriptionPatchStatusType0",
    "SubscriptionStatus",
    "TokenRequest",
    "TokenRequestGrantType",
    "TokenResponse",
    "Unavailable",
    "Visit",
    "VisitAppointmentType0",
    "VisitAuthorizationType0",
    "VisitClaimType0",
    "VisitOrderType0",
)
